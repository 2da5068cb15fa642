// Usage: node snippets.mjs < settings.json
// Reads a JSON array of playground settings on stdin and prints, as one JSON line, the four
// snippets the page would show for each (the page's own module, imported from the server source).
import { buildSnippets } from "../../src/Orator.Server/Playground/snippets.js";

let text = "";
for await (const chunk of process.stdin) text += chunk;
console.log(JSON.stringify(JSON.parse(text).map(buildSnippets)));
