// Usage: node words.mjs < cases.json
// Reads a JSON array of { text, words, times } and prints, as one JSON line, for each case the
// pieces the page would show and the position at each time (the page's own module, words.js).
import { pieces, position } from "../../src/Orator.Server/Playground/words.js";

let text = "";
for await (const chunk of process.stdin) text += chunk;
console.log(JSON.stringify(JSON.parse(text).map((c) => ({
  pieces: pieces(c.text, c.words),
  positions: (c.times ?? []).map((t) => position(c.words, t)),
}))));
