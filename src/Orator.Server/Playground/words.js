// Word highlighting: the text that was sent, shown with the word being heard marked, driven by the
// speech.audio.words events of the SSE stream and the audio element's own clock (currentTime).
// The pure functions at the top touch no DOM, so the tests import this module in Node too.

/**
 * The text cut into pieces that cover it exactly, in order: { text, word } where word is the
 * index in `words` of the entry the piece shows, or -1 between words. Offsets and lengths are
 * UTF-16 code units, the unit of JavaScript strings, so `text.slice` cuts where the server meant
 * even after an emoji. An entry outside the text, empty, or overlapping an earlier one gets no
 * piece (its index never appears), so a bad entry can never change the text shown.
 */
export function pieces(text, words) {
  const order = words
    .map((w, i) => ({ at: w.offset, end: w.offset + w.length, i }))
    .filter((w) => Number.isInteger(w.at) && Number.isInteger(w.end) && w.at >= 0 && w.end > w.at && w.end <= text.length)
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const out = [];
  let cursor = 0;
  for (const w of order) {
    if (w.at < cursor) continue; // overlaps the previous entry
    if (w.at > cursor) out.push({ text: text.slice(cursor, w.at), word: -1 });
    out.push({ text: text.slice(w.at, w.end), word: w.i });
    cursor = w.end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor), word: -1 });
  return out;
}

/**
 * How many of `words` (sorted by start) have begun at `time`, and which one is heard: the last
 * begun word while `time` is inside its [start, end), otherwise -1 (a pause, before the first
 * word, after the last).
 */
export function position(words, time) {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (words[mid].start <= time) low = mid + 1; else high = mid;
  }
  const current = low > 0 && time < words[low - 1].end ? low - 1 : -1;
  return { begun: low, current };
}

/**
 * Shows the text in `box` (inside `view`, hidden while there is nothing to show) and marks, on
 * every animation frame while `media` plays and on every seek or pause, the word heard now
 * (class "current") and the words already heard ("spoken"). Only words whose state changed are
 * touched, so a frame in the middle of a word costs one binary search.
 */
export class WordHighlighter {
  #view;
  #box;
  #media;
  #text = "";
  #words = []; // sorted by start; each { word, start, end, offset, length, span }
  #begun = 0;
  #current = -1;
  #frame = 0;
  #enabled = true;

  constructor({ view, box, media }) {
    this.#view = view;
    this.#box = box;
    this.#media = media;
    const sync = () => this.#sync();
    for (const type of ["play", "playing"]) media.addEventListener(type, () => this.#run());
    for (const type of ["pause", "seeked", "seeking", "timeupdate", "ended", "emptied"]) media.addEventListener(type, sync);
  }

  /** Words received for the current text. */
  get count() {
    return this.#words.length;
  }

  /** True when any word's times are the engine's estimate rather than measured. */
  get approximate() {
    return this.#words.some((w) => w.approximate === true);
  }

  /** Starts over with `text` and no words yet: the text shows unmarked until words arrive. */
  reset(text) {
    this.#text = text;
    this.#words = [];
    this.#render();
  }

  /** Adds the words of one speech.audio.words event. */
  add(words) {
    if (!Array.isArray(words) || words.length === 0) return;
    for (const w of words) {
      if (Number.isFinite(w?.start) && Number.isFinite(w?.end)) this.#words.push({ ...w, span: null });
    }
    // Events arrive in time order; a stable sort keeps that cheap and survives one that does not.
    this.#words.sort((a, b) => a.start - b.start);
    this.#render();
  }

  /** Turns the marking on or off; off hides the view and stops the frame loop. */
  set enabled(on) {
    this.#enabled = on;
    this.#view.hidden = !on || this.#text === "";
    if (on) this.#run(); else this.#stop();
  }

  /** Hides the view and forgets the text (a new request without words). */
  clear() {
    this.#text = "";
    this.#words = [];
    this.#render();
  }

  #render() {
    this.#stop();
    for (const w of this.#words) w.span = null; // an entry that gets no span now keeps no old one
    const parts = pieces(this.#text, this.#words).map((p) => {
      if (p.word < 0) return document.createTextNode(p.text);
      const span = document.createElement("span");
      span.className = "word";
      span.textContent = p.text;
      span.dataset.index = String(p.word);
      this.#words[p.word].span = span;
      return span;
    });
    this.#box.replaceChildren(...parts);
    this.#view.hidden = !this.#enabled || this.#text === "";
    this.#begun = 0;
    this.#current = -1;
    this.#run();
  }

  #run() {
    this.#sync();
    if (!this.#frame && this.#enabled && this.#words.length && !this.#media.paused && !this.#media.ended) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#run();
      });
    }
  }

  #stop() {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #sync() {
    if (!this.#enabled) return;
    const { begun, current } = position(this.#words, this.#media.currentTime);
    if (begun === this.#begun && current === this.#current) return;
    // Words in [from, to) changed between "not yet" and "begun"; begun ones are spoken unless heard now.
    const from = Math.min(begun, this.#begun);
    const to = Math.max(begun, this.#begun);
    for (let i = from; i < to; i++) this.#words[i].span?.classList.toggle("spoken", i < begun);
    this.#begun = begun;
    const previous = this.#current;
    this.#current = current;
    if (previous >= 0) this.#mark(previous);
    if (current >= 0) this.#mark(current);
  }

  /** Sets the classes of one word from the state: heard now, heard before, or still to come. */
  #mark(index) {
    const span = this.#words[index]?.span;
    if (!span) return;
    const heard = index === this.#current;
    span.classList.toggle("current", heard);
    span.classList.toggle("spoken", !heard && index < this.#begun);
    if (heard) this.#reveal(span);
  }

  /** Scrolls the text box (not the page) so that the word heard stays in sight. */
  #reveal(span) {
    const box = this.#box;
    if (box.scrollHeight <= box.clientHeight) return;
    const top = span.offsetTop;
    const bottom = top + span.offsetHeight;
    if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }
}
