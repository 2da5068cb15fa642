// The Orator playground: plain ES module, no framework, no build step. It talks only to the
// server that served it, through the same /v1 API any OpenAI client uses.
import { buildSnippets, fileName, requestBody } from "./snippets.js";
import { WordHighlighter } from "./words.js";

const MAX_INPUT = 4096;
const KEY_STORAGE = "orator.apiKey";
const REMEMBER_STORAGE = "orator.rememberKey";
const HIGHLIGHT_STORAGE = "orator.highlightWords";
// Formats the browser can play while they arrive, when MediaSource accepts them. The rest
// (opus in Ogg, flac, wav, pcm) are not MediaSource byte-stream formats and play once downloaded.
const STREAMABLE = { mp3: "audio/mpeg", aac: "audio/aac" };
// The server's media types (AudioFormats), for the blob of audio decoded from SSE events.
const MEDIA_TYPES = { mp3: "audio/mpeg", opus: "audio/opus", aac: "audio/aac", flac: "audio/flac", wav: "audio/wav", pcm: "audio/pcm" };

const $ = (id) => document.getElementById(id);
const ui = {
  form: $("speech-form"), input: $("input"), count: $("input-count"), model: $("model"), voice: $("voice"),
  voiceDetail: $("voice-detail"), format: $("format"), speed: $("speed"), speedValue: $("speed-value"),
  instructions: $("instructions"), key: $("api-key"), remember: $("remember-key"), keyDetails: $("key-details"),
  play: $("play"), stop: $("stop"), download: $("download"), status: $("status"), error: $("error"), audio: $("audio"),
  first: $("m-first"), total: $("m-total"), duration: $("m-duration"), size: $("m-size"), mode: $("m-mode"),
  instructionsReport: $("instructions-report"), code: $("code"), copy: $("copy"), copyStatus: $("copy-status"),
  tabs: [...document.querySelectorAll('[role="tab"]')], codePanel: $("code-panel"),
  highlight: $("highlight"), wordsView: $("words-view"), words: $("words"), wordsNote: $("words-note"),
};

let voices = [];
let language = "curl";
let current = null; // { controller } of the request in flight
let last = null; // { key, bytes, format } of the last complete response, reused by Download
let objectUrl = null;
const highlighter = new WordHighlighter({ view: ui.wordsView, box: ui.words, media: ui.audio });

// ---- text, counter, settings ------------------------------------------------------------

/** Code points, as the server counts input length (a string iterator walks code points). */
const codePoints = (text) => [...text].length;

function updateCounter() {
  const n = codePoints(ui.input.value);
  ui.count.textContent = `${n.toLocaleString("en-US")} / ${MAX_INPUT.toLocaleString("en-US")}`;
  const over = n > MAX_INPUT;
  ui.count.classList.toggle("over", over);
  ui.input.setAttribute("aria-invalid", String(over));
}

function settings() {
  return {
    baseUrl: `${location.origin}/v1`,
    model: ui.model.value,
    voice: ui.voice.value,
    input: ui.input.value,
    instructions: ui.instructions.value.trim() ? ui.instructions.value : "",
    format: ui.format.value,
    speed: Number(ui.speed.value),
    withKey: ui.key.value.trim() !== "",
  };
}

function updateSpeed() {
  ui.speedValue.textContent = `${Number(ui.speed.value).toFixed(2)}×`;
  ui.speed.setAttribute("aria-valuetext", `${Number(ui.speed.value).toFixed(2)} times`);
}

function updateSnippet() {
  ui.code.textContent = buildSnippets(settings())[language];
}

// ---- API key (browser storage only) -------------------------------------------------------

function loadKey() {
  const remember = localStorage.getItem(REMEMBER_STORAGE) === "1";
  ui.remember.checked = remember;
  ui.key.value = (remember ? localStorage.getItem(KEY_STORAGE) : sessionStorage.getItem(KEY_STORAGE)) ?? "";
  if (ui.key.value) ui.keyDetails.open = true;
}

function saveKey() {
  const key = ui.key.value.trim();
  const keep = ui.remember.checked ? localStorage : sessionStorage;
  const drop = ui.remember.checked ? sessionStorage : localStorage;
  drop.removeItem(KEY_STORAGE);
  if (key) keep.setItem(KEY_STORAGE, key); else keep.removeItem(KEY_STORAGE);
  if (ui.remember.checked) localStorage.setItem(REMEMBER_STORAGE, "1"); else localStorage.removeItem(REMEMBER_STORAGE);
}

function authHeaders() {
  const key = ui.key.value.trim();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

// ---- messages --------------------------------------------------------------------------------

function say(text) {
  ui.status.textContent = text;
}

function showError(text) {
  ui.error.textContent = text;
  ui.error.hidden = false;
}

function clearError() {
  ui.error.textContent = "";
  ui.error.hidden = true;
  for (const el of [ui.input, ui.instructions, ui.model, ui.voice, ui.key]) el.removeAttribute("aria-invalid");
  updateCounter();
}

/** The `error` object of an OpenAI error body, or null when the body is not one. */
async function apiError(response) {
  try {
    return (await response.json())?.error ?? null;
  } catch {
    return null; // Not JSON (a proxy's HTML page, an empty body): the status line says it.
  }
}

/** The OpenAI error body's message, or a sentence about the status when the body has none. */
async function apiErrorMessage(response, error) {
  if (error === undefined) error = await apiError(response);
  const fields = { input: ui.input, instructions: ui.instructions, model: ui.model, voice: ui.voice };
  if (typeof error?.param === "string" && Object.hasOwn(fields, error.param)) fields[error.param].setAttribute("aria-invalid", "true");
  if (response.status === 401) ui.key.setAttribute("aria-invalid", "true");
  if (typeof error?.message === "string" && error.message) return error.message;
  return `The server answered ${response.status}${response.statusText ? " " + response.statusText : ""} without an error message.`;
}

const networkMessage = (e) => `Could not reach the server (${e.message || e}). Is Orator still running at ${location.origin}?`;

// ---- models and voices ----------------------------------------------------------------------

async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: authHeaders() });
  } catch (e) {
    throw new Error(networkMessage(e));
  }
  if (!response.ok) throw new Error(await apiErrorMessage(response));
  return response.json();
}

async function loadCatalog() {
  say("Loading models and voices…");
  try {
    const [models, list] = await Promise.all([getJson("/v1/models"), getJson("/v1/audio/voices")]);
    voices = list.data;
    const previous = ui.model.value || "tts-1";
    ui.model.replaceChildren(...models.data.map((m) => new Option(`${m.id} (${m.owned_by})`, m.id)));
    ui.model.value = models.data.some((m) => m.id === previous) ? previous : models.data[0]?.id ?? "";
    fillVoices();
    clearError();
    say(`${models.data.length} models, ${voices.length} voices.`);
  } catch (e) {
    // Keep the page usable: Play still sends a request and shows the API's own answer.
    if (!ui.model.options.length) ui.model.replaceChildren(new Option("tts-1", "tts-1"));
    if (!ui.voice.options.length) ui.voice.replaceChildren(new Option("alloy", "alloy"));
    say("");
    showError(`Could not load models and voices: ${e.message}`);
  }
  updateSnippet();
}

function fillVoices() {
  const previous = ui.voice.value || "alloy";
  const rows = voices.filter((v) => (v.models ?? [v.model]).includes(ui.model.value));
  const groups = new Map();
  for (const v of rows) {
    // OpenAI names (primary model tts-1) first, then each engine's own voices.
    const label = v.model === "tts-1" ? "OpenAI voice names" : `${v.engine} voices`;
    const group = groups.get(label) ?? document.createElement("optgroup");
    group.label = label;
    group.append(new Option(`${v.id} (${v.language}, ${v.gender})`, v.id));
    groups.set(label, group);
  }
  ui.voice.replaceChildren(...groups.values());
  ui.voice.value = rows.some((v) => v.id === previous) ? previous : rows[0]?.id ?? "";
  describeVoice();
}

function describeVoice() {
  const v = voices.find((x) => x.id === ui.voice.value);
  ui.voiceDetail.textContent = v ? `${v.name}: language ${v.language}, ${v.gender}, ${v.engine} voice ${v.engine_voice}` : "";
}

// ---- speech -----------------------------------------------------------------------------------

function resetMetrics() {
  for (const el of [ui.first, ui.total, ui.duration, ui.size, ui.mode]) el.textContent = "–";
  ui.instructionsReport.hidden = true;
}

const ms = (t) => `${Math.round(t)} ms`;

function showDuration() {
  const d = ui.audio.duration;
  ui.duration.textContent = Number.isFinite(d) && d > 0 ? `${d.toFixed(2)} s` : "unknown";
}

/**
 * The body Play sends with highlighting on: the same request as an SSE stream with
 * speech.audio.words events. Snippets and Download keep the plain body (they save an audio file).
 */
const wordsBody = (s) => ({ ...requestBody(s), stream_format: "sse", timestamps: true });

/**
 * Sends the request (with word timings when `words`); answers the response, or null after
 * showing why there is none. A model that has no word timings (served by an upstream API) is
 * asked again without them: the audio plays, and the note under the text says why nothing lights up.
 */
async function request(s, signal, words = false) {
  clearError();
  resetMetrics();
  let response;
  try {
    response = await fetch("/v1/audio/speech", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...authHeaders() },
      body: JSON.stringify(words ? wordsBody(s) : requestBody(s)),
      signal,
    });
  } catch (e) {
    if (!signal.aborted) { say(""); showError(networkMessage(e)); }
    return null;
  }
  if (!response.ok) {
    const error = await apiError(response);
    if (words && response.status === 400 && error?.code === "timestamps_unavailable") {
      ui.wordsNote.textContent = `No word highlighting for this model: ${error.message}`;
      return request(s, signal, false);
    }
    say("");
    showError(await apiErrorMessage(response, error));
    return null;
  }
  const report = response.headers.get("x-orator-instructions");
  if (report) {
    ui.instructionsReport.textContent = `Instructions: ${report}`;
    ui.instructionsReport.hidden = false;
  }
  return response;
}

/** Standard base64 to bytes (Uint8Array.fromBase64 where the browser has it). */
const base64Bytes = (text) => Uint8Array.fromBase64?.(text) ?? Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * The audio of a response as it arrives: the body's own chunks, or for an SSE stream the bytes
 * of each speech.audio.delta event, with each speech.audio.words event handed to onWords before
 * the audio that follows it. An event stream that stops before speech.audio.done is an error
 * (the server ends a failed stream early; a plain body cannot tell).
 */
async function* audioChunks(response, onWords) {
  const reader = response.body.getReader();
  if (!onWords) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  const decoder = new TextDecoder();
  let text = "";
  let complete = false;
  for (;;) {
    const { done, value } = await reader.read();
    text += done ? decoder.decode() : decoder.decode(value, { stream: true });
    // Events end at a blank line; each "data:" line of one is a line of its payload.
    for (let end = text.search(/\r?\n\r?\n/); end >= 0; end = text.search(/\r?\n\r?\n/)) {
      const block = text.slice(0, end);
      text = text.slice(end).replace(/^\r?\n\r?\n/, "");
      const data = block.split(/\r?\n/).filter((l) => l.startsWith("data:")).map((l) => l.slice(l.startsWith("data: ") ? 6 : 5)).join("\n");
      if (data === "") continue;
      if (data === "[DONE]") { complete = true; continue; }
      const event = JSON.parse(data);
      if (event.type === "speech.audio.delta") yield base64Bytes(event.audio);
      else if (event.type === "speech.audio.words") onWords(event.words);
      else if (event.type === "speech.audio.done") complete = true;
    }
    if (done) break;
  }
  if (!complete) throw new Error("the event stream ended before speech.audio.done");
}

/** Reads the audio, calling onChunk per chunk; answers all bytes, or null when broken off. */
async function readBody(audio, started, signal, onChunk) {
  const chunks = [];
  let size = 0;
  try {
    for await (const value of audio) {
      if (size === 0) ui.first.textContent = ms(performance.now() - started);
      chunks.push(value);
      size += value.length;
      ui.size.textContent = `${(size / 1024).toFixed(1)} KB`;
      if (onChunk) await onChunk(value);
    }
  } catch (e) {
    if (!signal.aborted) showError(`The connection broke while the audio was arriving: ${e.message || e}`);
    return null;
  }
  ui.total.textContent = ms(performance.now() - started);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
  return bytes;
}

function begin() {
  current?.controller.abort();
  const controller = new AbortController();
  current = { controller };
  ui.stop.disabled = false;
  return controller;
}

function end(controller) {
  if (current?.controller === controller) {
    current = null;
    ui.stop.disabled = true;
  }
}

function setSource(url) {
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = url;
  ui.audio.src = url;
}

const once = (target, type) => new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));

async function play() {
  const s = settings();
  const controller = begin();
  const started = performance.now();
  ui.wordsNote.textContent = "";
  say("Requesting speech…");
  try {
    const response = await request(s, controller.signal, ui.highlight.checked);
    if (!response) return;
    // An event stream carries the words; a plain body (highlighting off, or refused) has none.
    const sse = response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
    if (sse) highlighter.reset(s.input); else highlighter.clear();
    const audio = audioChunks(response, sse ? (words) => highlighter.add(words) : null);
    const mime = STREAMABLE[s.format];
    ui.audio.dataset.format = s.format;
    const stream = mime && globalThis.MediaSource?.isTypeSupported(mime);
    const bytes = stream ? await playStreaming(audio, mime, started, controller.signal) : await playAfterDownload(audio, s.format, started, controller.signal);
    if (!bytes) return;
    last = { key: JSON.stringify(requestBody(s)), bytes, format: s.format };
    ui.audio.dataset.ready = "true";
    if (sse) describeWords();
  } catch (e) {
    // MediaSource refusing a chunk, for example; the request itself reports its own errors.
    if (!controller.signal.aborted) { say(""); showError(`Playback failed: ${e.message || e}. Download still gives the file.`); }
  } finally {
    end(controller);
  }
}

/** After a stream with words: says when there were none, or when their times are estimates. */
function describeWords() {
  if (highlighter.count === 0) ui.wordsNote.textContent = "The server sent no word timings for this text.";
  else if (highlighter.approximate) ui.wordsNote.textContent = "This voice's engine estimates word times, so the highlight may run a little ahead or behind.";
}

async function playStreaming(audio, mime, started, signal) {
  ui.mode.textContent = "streaming (MediaSource)";
  ui.audio.dataset.ready = "false";
  const source = new MediaSource();
  setSource(URL.createObjectURL(source));
  await once(source, "sourceopen");
  const buffer = source.addSourceBuffer(mime);
  let playing = false;
  say("Playing as the audio arrives…");
  const bytes = await readBody(audio, started, signal, async (chunk) => {
    buffer.appendBuffer(chunk);
    await once(buffer, "updateend");
    if (!playing) {
      playing = true;
      ui.audio.play().catch(() => say("Audio is ready: press play on the player (the browser blocked autoplay)."));
    }
  });
  if (source.readyState === "open") source.endOfStream();
  if (!bytes) return null;
  showDuration();
  say("Done.");
  return bytes;
}

async function playAfterDownload(audio, format, started, signal) {
  ui.mode.textContent = "after download (blob)";
  ui.audio.dataset.ready = "false";
  say(`Downloading ${format} (this format plays once complete)…`);
  const bytes = await readBody(audio, started, signal);
  if (!bytes) return null;
  setSource(URL.createObjectURL(new Blob([playable(bytes, format)], { type: format === "pcm" ? "audio/wav" : MEDIA_TYPES[format] })));
  ui.audio.addEventListener("loadedmetadata", showDuration, { once: true });
  ui.audio.play().catch(() => say("Audio is ready: press play on the player (the browser blocked autoplay)."));
  say("Playing.");
  return bytes;
}

/**
 * A copy the audio element can play with the right duration: streamed wav carries the
 * "unknown" size 0xFFFFFFFF, so the two RIFF sizes are set now that the length is known, and raw
 * pcm gets a wav header. The downloaded file keeps the server's exact bytes.
 */
function playable(bytes, format) {
  if (format === "pcm") {
    const wav = new Uint8Array(44 + bytes.length);
    wav.set(wavHeader(bytes.length));
    wav.set(bytes, 44);
    return wav;
  }
  if (format !== "wav" || bytes.length < 12) return bytes;
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  view.setUint32(4, copy.length - 8, true);
  for (let at = 12; at + 8 <= copy.length; at += 8 + view.getUint32(at + 4, true)) {
    if (String.fromCharCode(...copy.subarray(at, at + 4)) === "data") {
      view.setUint32(at + 4, copy.length - at - 8, true);
      break;
    }
  }
  return copy;
}

function wavHeader(dataBytes) {
  const header = new DataView(new ArrayBuffer(44));
  const text = (at, s) => [...s].forEach((c, i) => header.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF"); header.setUint32(4, 36 + dataBytes, true); text(8, "WAVE");
  text(12, "fmt "); header.setUint32(16, 16, true); header.setUint16(20, 1, true); header.setUint16(22, 1, true);
  header.setUint32(24, 24000, true); header.setUint32(28, 48000, true); header.setUint16(32, 2, true); header.setUint16(34, 16, true);
  text(36, "data"); header.setUint32(40, dataBytes, true);
  return new Uint8Array(header.buffer);
}

async function download() {
  const s = settings();
  let bytes = last?.key === JSON.stringify(requestBody(s)) ? last.bytes : null;
  if (!bytes) {
    const controller = begin();
    const started = performance.now();
    say("Requesting speech for download…");
    try {
      const response = await request(s, controller.signal);
      if (!response) return;
      ui.mode.textContent = "download only";
      bytes = await readBody(audioChunks(response), started, controller.signal);
      if (!bytes) return;
      last = { key: JSON.stringify(requestBody(s)), bytes, format: s.format };
    } finally {
      end(controller);
    }
  }
  const link = document.createElement("a");
  const url = URL.createObjectURL(new Blob([bytes]));
  link.href = url;
  link.download = fileName(s.format);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  say(`Saved ${fileName(s.format)} (${(bytes.length / 1024).toFixed(1)} KB).`);
}

function stop() {
  current?.controller.abort();
  ui.audio.pause();
  say("Stopped.");
}

// ---- copy as code -----------------------------------------------------------------------------

function selectTab(tab, focus) {
  for (const t of ui.tabs) {
    const selected = t === tab;
    t.setAttribute("aria-selected", String(selected));
    t.tabIndex = selected ? 0 : -1;
  }
  language = tab.dataset.lang;
  ui.codePanel.setAttribute("aria-labelledby", tab.id);
  ui.copyStatus.textContent = "";
  if (focus) tab.focus();
  updateSnippet();
}

function onTabKey(event) {
  const i = ui.tabs.indexOf(event.target);
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ui.tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  selectTab(ui.tabs[(next + ui.tabs.length) % ui.tabs.length], true);
}

async function copy() {
  try {
    await navigator.clipboard.writeText(ui.code.textContent);
    ui.copyStatus.textContent = "Copied to the clipboard.";
  } catch {
    // No clipboard permission (plain http on another host): select the text for Ctrl+C instead.
    getSelection().selectAllChildren(ui.code);
    ui.copyStatus.textContent = "Select-all done: press Ctrl+C (the browser refused clipboard access).";
  }
}

// ---- wiring -----------------------------------------------------------------------------------

ui.form.addEventListener("submit", (e) => { e.preventDefault(); play(); });
ui.input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); play(); }
});
ui.input.addEventListener("input", () => { updateCounter(); updateSnippet(); });
ui.instructions.addEventListener("input", updateSnippet);
ui.model.addEventListener("change", () => { fillVoices(); updateSnippet(); });
ui.voice.addEventListener("change", () => { describeVoice(); updateSnippet(); });
ui.format.addEventListener("change", updateSnippet);
ui.speed.addEventListener("input", () => { updateSpeed(); updateSnippet(); });
ui.key.addEventListener("input", () => { saveKey(); updateSnippet(); });
ui.key.addEventListener("change", loadCatalog);
ui.remember.addEventListener("change", saveKey);
ui.highlight.addEventListener("change", () => {
  if (ui.highlight.checked) localStorage.removeItem(HIGHLIGHT_STORAGE); else localStorage.setItem(HIGHLIGHT_STORAGE, "0");
  highlighter.enabled = ui.highlight.checked;
  ui.wordsNote.textContent = ui.highlight.checked && highlighter.count === 0 ? "Words light up from the next Play." : "";
});
ui.stop.addEventListener("click", stop);
ui.download.addEventListener("click", download);
ui.copy.addEventListener("click", copy);
ui.audio.addEventListener("error", () => {
  if (!ui.audio.getAttribute("src")) return;
  showError(`This browser cannot play the ${ui.audio.dataset.format ?? ""} audio (${ui.audio.error?.message || "unsupported"}). Download saves the file.`);
});
ui.audio.addEventListener("durationchange", () => { if (ui.audio.dataset.ready !== "false") showDuration(); });
for (const tab of ui.tabs) {
  tab.addEventListener("click", () => selectTab(tab, false));
  tab.addEventListener("keydown", onTabKey);
}

loadKey();
ui.highlight.checked = localStorage.getItem(HIGHLIGHT_STORAGE) !== "0";
highlighter.enabled = ui.highlight.checked;
updateCounter();
updateSpeed();
updateSnippet();
loadCatalog();
