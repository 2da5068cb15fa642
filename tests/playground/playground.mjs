// Usage: node playground.mjs <baseUrl> <case> <artifactsDir> [arg...]
// Drives the Orator web playground in headless Debian Chromium (playwright-core with the system
// executable), prints one JSON line with what it observed, and saves screenshots. The xunit tests
// in Orator.Functional.Tests/Playground run it against a real server and assert on that line.
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";

const [baseUrl, name, artifacts, ...args] = process.argv.slice(2);
const executablePath = process.env.ORATOR_CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT = 60_000;
fs.mkdirSync(artifacts, { recursive: true });

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // CI runs as root (no sandbox possible); autoplay without a gesture lets scripted Play sound.
  args: ["--no-sandbox", "--autoplay-policy=no-user-gesture-required", "--mute-audio"],
});

const problems = [];
async function open(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // A refused API call logs "Failed to load resource" by design (the page shows the message).
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
  });
  await page.goto(baseUrl);
  return { context, page };
}

const shot = (page, file) => page.screenshot({ path: path.join(artifacts, file), fullPage: true });
const voicesLoaded = (page) => page.waitForFunction(() => document.querySelectorAll("#voice option").length > 1);
const errorText = async (page) => {
  await page.waitForSelector("#error:not([hidden])");
  return page.textContent("#error");
};

/** Waits for a finished Play: the audio element has a finite duration > 0 and has played a bit. */
async function playedAudio(page) {
  await page.waitForFunction(() => {
    const a = document.getElementById("audio");
    return a.dataset.ready === "true" && Number.isFinite(a.duration) && a.duration > 0 && a.currentTime > 0.1;
  });
  return page.evaluate(() => {
    const a = document.getElementById("audio");
    return {
      duration: a.duration,
      currentTime: a.currentTime,
      readyState: a.readyState,
      error: a.error?.message ?? null,
      mode: document.getElementById("m-mode").textContent,
      firstByte: document.getElementById("m-first").textContent,
      total: document.getElementById("m-total").textContent,
      shownDuration: document.getElementById("m-duration").textContent,
      size: document.getElementById("m-size").textContent,
      playingBeforeComplete: window.__playingBeforeComplete ?? null,
    };
  });
}

/** Records whether the element started playing while the body was still arriving. */
const watchPlaying = (page) => page.evaluate(() => {
  document.getElementById("audio").addEventListener("playing", () => {
    window.__playingBeforeComplete ??= document.getElementById("m-total").textContent === "–";
  });
});

/** The events of an SSE body: each "data:" payload parsed as JSON ("[DONE]" left out). */
function parseEvents(body) {
  return body.split(/\n\n/).map((block) => block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n"))
    .filter((data) => data && data !== "[DONE]").map((data) => JSON.parse(data));
}

/**
 * Copies the body of the page's speech response as the page reads it (a tee of the stream, so
 * the page still gets it chunk by chunk): DevTools keeps no body of a streamed fetch.
 * window.__speechBody resolves to the whole text.
 */
const tapSpeech = (page) => page.evaluate(() => {
  const fetch = window.fetch;
  window.fetch = async (url, init) => {
    const response = await fetch(url, init);
    if (!String(url).endsWith("/v1/audio/speech") || !response.body) return response;
    const [page, copy] = response.body.tee();
    window.__speechBody = new Response(copy).text();
    return new Response(page, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
});

/**
 * Installs, before Play, recorders of what the highlight does: the word count after each rebuild
 * of the text (words arrive event by event), each word that becomes the one heard with the
 * playback time then, and on every animation frame while playing the time and the word shown.
 * window.highlightState() reads the current state at any moment.
 */
const watchHighlight = (page) => page.evaluate(() => {
  const box = document.getElementById("words");
  const audio = document.getElementById("audio");
  const seen = { counts: [], order: [], samples: [] };
  window.__highlight = seen;
  window.highlightState = () => {
    const current = box.querySelectorAll(".word.current");
    return { current: current.length === 1 ? Number(current[0].dataset.index) : current.length === 0 ? -1 : -2, spoken: box.querySelectorAll(".word.spoken").length };
  };
  new MutationObserver(() => {
    const n = box.querySelectorAll(".word").length;
    if (seen.counts.at(-1) !== n) seen.counts.push(n);
  }).observe(box, { childList: true });
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.classList.contains("current") && !(r.oldValue ?? "").split(" ").includes("current")) {
        seen.order.push({ index: Number(r.target.dataset.index), time: audio.currentTime });
      }
    }
  }).observe(box, { subtree: true, attributes: true, attributeFilter: ["class"], attributeOldValue: true });
  // Registered after the page's own listener, so each frame samples after the page has updated.
  audio.addEventListener("playing", function sample() {
    audio.removeEventListener("playing", sample);
    const frame = () => {
      if (audio.ended) return;
      if (!audio.paused) seen.samples.push({ time: audio.currentTime, ...window.highlightState() });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
});

async function saveDownload(page, format) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  const file = path.join(artifacts, `download-${format}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

const cases = {
  async load() {
    const { page } = await open();
    await voicesLoaded(page);
    await shot(page, "load.png");
    return page.evaluate(() => ({
      title: document.title,
      models: [...document.querySelectorAll("#model option")].map((o) => o.value),
      voices: [...document.querySelectorAll("#voice option")].map((o) => o.textContent),
      groups: [...document.querySelectorAll("#voice optgroup")].map((g) => g.label),
      counter: document.getElementById("input-count").textContent,
      // Every control must have an accessible name: a <label>, aria-label or its own text.
      unlabelled: [...document.querySelectorAll("input, select, textarea, button")]
        .filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.textContent.trim()))
        .map((el) => el.id || el.outerHTML.slice(0, 60)),
      liveRegions: [...document.querySelectorAll("[aria-live], [role=alert]")].map((el) => el.id),
    }));
  },

  async counter() {
    const { page } = await open();
    // 4,095 ASCII letters plus one emoji: 4,097 UTF-16 units but 4,096 code points.
    await page.fill("#input", "a".repeat(4095) + "😀");
    const atLimit = { text: await page.textContent("#input-count"), invalid: await page.getAttribute("#input", "aria-invalid") };
    await page.type("#input", "b");
    const over = { text: await page.textContent("#input-count"), invalid: await page.getAttribute("#input", "aria-invalid") };
    await page.click("#play");
    const error = await errorText(page);
    await shot(page, "counter.png");
    return { atLimit, over, error };
  },

  async play() {
    const [voice, format, highlight = "words"] = args;
    const { page } = await open();
    await voicesLoaded(page);
    await page.selectOption("#model", "tts-1");
    await page.selectOption("#voice", voice);
    await page.selectOption("#format", format);
    await page.setChecked("#highlight", highlight === "words");
    const sent = page.waitForRequest((r) => r.url().endsWith("/v1/audio/speech") && r.method() === "POST");
    // Long enough that the last byte comes well after the first: playback must start in between.
    await page.fill("#input", "The playground plays speech while it streams. This is the second sentence, a little longer than the first. "
      + "A third sentence follows, so that the stream lasts a while. The fourth one talks about the weather, which is mild. "
      + "Sentence five counts the days until the weekend. The sixth is about nothing at all. "
      + "Number seven likes long words such as perpendicular and extraordinary. The eighth one is short. "
      + "The ninth sentence almost finishes the paragraph. And the tenth one ends it.");
    await watchPlaying(page);
    const mseMp3 = await page.evaluate(() => MediaSource.isTypeSupported("audio/mpeg"));
    await page.click("#play");
    const audio = await playedAudio(page);
    const errorHidden = await page.isHidden("#error");
    await shot(page, `play-${format}.png`);
    const body = (await sent).postDataJSON();
    const spans = await page.locator("#words .word").count();
    const saved = await saveDownload(page, format);
    return { ...audio, ...saved, mseMp3, errorHidden, sse: body.stream_format === "sse" && body.timestamps === true, spans, wordsHidden: await page.isHidden("#words-view") };
  },

  async empty() {
    const { page } = await open();
    await voicesLoaded(page);
    await page.fill("#input", "");
    await page.click("#play");
    const message = await errorText(page);
    await shot(page, "error-empty.png");
    return { message, role: await page.getAttribute("#error", "role"), invalid: await page.getAttribute("#input", "aria-invalid") };
  },

  async badkey() {
    const [goodKey] = args;
    const { page } = await open();
    // The lists need no key (Orator:PublicCatalog): they load, and Play is told a key is needed.
    await voicesLoaded(page);
    const listsWithoutKey = await page.isHidden("#error");
    await page.click("#play");
    const withoutKey = await errorText(page);
    await page.click("#key-details summary");
    await page.fill("#api-key", "sk-wrong-key");
    await page.press("#api-key", "Tab"); // change event: the lists reload with the key
    await page.waitForFunction(() => document.getElementById("error").textContent.includes("Incorrect"));
    const listsWithBadKey = await page.textContent("#error");
    await page.click("#play");
    await page.waitForFunction(() => !document.getElementById("error").textContent.startsWith("Could not load"));
    const playWithBadKey = await errorText(page);
    await shot(page, "error-bad-key.png");
    await page.fill("#api-key", goodKey);
    await page.press("#api-key", "Tab");
    await voicesLoaded(page);
    await page.click("#play");
    const audio = await playedAudio(page);
    const storage = await page.evaluate(() => ({ session: sessionStorage.getItem("orator.apiKey"), local: localStorage.getItem("orator.apiKey") }));
    return { listsWithoutKey, withoutKey, listsWithBadKey, playWithBadKey, goodKeyDuration: audio.duration, errorHiddenAfterGoodKey: await page.isHidden("#error"), storage };
  },

  async network() {
    const { page } = await open();
    await voicesLoaded(page);
    // The browser's own network layer fails the request, as when the server is unreachable...
    await page.route("**/v1/audio/speech", (route) => route.abort("connectionrefused"));
    await page.click("#play");
    const refused = await errorText(page);
    await page.unroute("**/v1/audio/speech");
    // ...and a proxy in between answers with HTML instead of the OpenAI error body.
    await page.route("**/v1/audio/speech", (route) => route.fulfill({ status: 502, contentType: "text/html", body: "<html>Bad gateway</html>" }));
    await page.click("#play");
    await page.waitForFunction(() => document.getElementById("error").textContent.includes("502"));
    const notJson = await page.textContent("#error");
    await shot(page, "error-network.png");
    return { refused, notJson };
  },

  async phone() {
    const { page } = await open({ width: 375, height: 667 });
    await voicesLoaded(page);
    await page.click("#key-details summary");
    await shot(page, "phone.png");
    return page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const offscreen = [];
      for (const el of document.querySelectorAll("input, select, textarea, button, summary, audio, pre")) {
        el.scrollIntoView({ block: "center" });
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.left < 0 || r.right > width + 0.5) offscreen.push(`${el.id || el.tagName}: ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
      return { width, scrollWidth: document.documentElement.scrollWidth, bodyScrollWidth: document.body.scrollWidth, offscreen, count: document.querySelectorAll("input, select, textarea, button").length };
    });
  },

  async keyboard() {
    const { page } = await open();
    await voicesLoaded(page);
    const order = [];
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    // From the top of the page, Tab through to Play, recording the order.
    for (let i = 0; i < 20 && order.at(-1) !== "play"; i++) {
      await page.keyboard.press("Tab");
      order.push(await focused());
      const id = order.at(-1);
      if (id === "input") {
        await page.keyboard.press("Control+A");
        await page.keyboard.type("Typed and played with the keyboard only.");
      } else if (id === "voice") {
        await page.keyboard.press("End"); // last voice of the list
      } else if (id === "format") {
        await page.keyboard.press("ArrowDown"); // mp3 -> opus
      } else if (id === "speed") {
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("ArrowRight");
      }
    }
    const chosen = await page.evaluate(() => ({
      voice: document.getElementById("voice").value,
      lastVoice: [...document.querySelectorAll("#voice option")].at(-1).value,
      format: document.getElementById("format").value,
      speed: document.getElementById("speed").value,
      input: document.getElementById("input").value,
    }));
    await watchPlaying(page);
    await page.keyboard.press("Enter");
    const audio = await playedAudio(page);
    // The code tabs: arrow keys move the selection.
    await page.focus("#tab-curl");
    await page.keyboard.press("ArrowRight");
    const tab = await page.evaluate(() => ({ focused: document.activeElement.id, selected: document.querySelector('[role=tab][aria-selected=true]').id }));
    await shot(page, "keyboard.png");
    return { order, chosen, duration: audio.duration, mode: audio.mode, tab };
  },

  async words() {
    const [voice, format, speed, text] = args;
    const { page } = await open();
    await voicesLoaded(page);
    await page.selectOption("#model", "tts-1");
    await page.selectOption("#voice", voice);
    await page.selectOption("#format", format);
    await page.evaluate((v) => {
      const s = document.getElementById("speed");
      s.value = v;
      s.dispatchEvent(new Event("input", { bubbles: true }));
    }, speed);
    await page.fill("#input", text);
    await watchHighlight(page);
    await tapSpeech(page);
    const answered = page.waitForResponse((r) => r.url().endsWith("/v1/audio/speech") && r.request().method() === "POST");
    await page.click("#play");
    const response = await answered;
    const events = parseEvents(await page.evaluate(() => window.__speechBody));
    await page.waitForFunction(() => document.getElementById("audio").ended, null, { timeout: 120_000 });
    await shot(page, `words-${format}.png`);
    const ended = await page.evaluate(() => ({
      spoken: document.querySelectorAll("#words .word.spoken").length,
      current: document.querySelectorAll("#words .word.current").length,
    }));
    const seen = await page.evaluate(() => window.__highlight);
    const spans = await page.$$eval("#words .word", (all) => all.map((s) => ({ index: Number(s.dataset.index), text: s.textContent })));
    const shown = await page.textContent("#words");

    // Replay with the player's controls: seek (paused) into a word in the middle, play a little, pause.
    const words = events.filter((e) => e.type === "speech.audio.words").flatMap((e) => e.words);
    const middle = Math.floor(words.length / 2);
    const seek = await page.evaluate(async (at) => {
      const a = document.getElementById("audio");
      a.currentTime = at;
      await new Promise((resolve) => a.addEventListener("seeked", resolve, { once: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { time: a.currentTime, ...highlightState() };
    }, (words[middle].start + words[middle].end) / 2);
    await page.evaluate(() => document.getElementById("audio").play());
    await page.waitForTimeout(600);
    const paused = await page.evaluate(async () => {
      document.getElementById("audio").pause();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { time: document.getElementById("audio").currentTime, ...highlightState() };
    });
    return {
      request: response.request().postDataJSON(),
      contentType: response.headers()["content-type"],
      wordEvents: events.filter((e) => e.type === "speech.audio.words").length,
      words,
      spans,
      shown,
      ended,
      seek,
      paused,
      note: await page.textContent("#words-note"),
      errorHidden: await page.isHidden("#error"),
      ...seen,
    };
  },

  async fallback() {
    const [model, voice, format] = args;
    const { page } = await open();
    // The voices of an upstream model come from the upstream after the server starts.
    await page.waitForFunction((m) => [...document.querySelectorAll("#model option")].some((o) => o.value === m), model);
    await page.selectOption("#model", model);
    await page.waitForFunction((v) => [...document.querySelectorAll("#voice option")].some((o) => o.value === v), voice);
    await page.selectOption("#voice", voice);
    await page.selectOption("#format", format);
    await page.fill("#input", "An upstream model speaks this without word timings.");
    const calls = [];
    page.on("response", async (r) => {
      if (r.url().endsWith("/v1/audio/speech")) calls.push({ status: r.status(), body: r.request().postDataJSON() });
    });
    await page.click("#play");
    const audio = await playedAudio(page);
    await shot(page, "words-fallback.png");
    return {
      ...audio,
      calls,
      note: await page.textContent("#words-note"),
      errorHidden: await page.isHidden("#error"),
      wordsHidden: await page.isHidden("#words-view"),
      highlightChecked: await page.isChecked("#highlight"),
    };
  },

  async snippets() {
    const [text, voice, format, speed, instructions] = args;
    const { context, page } = await open();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl).origin });
    await voicesLoaded(page);
    await page.fill("#input", text);
    await page.selectOption("#voice", voice);
    await page.selectOption("#format", format);
    await page.evaluate((v) => {
      const s = document.getElementById("speed");
      s.value = v;
      s.dispatchEvent(new Event("input", { bubbles: true }));
    }, speed);
    await page.fill("#instructions", instructions);
    const result = {};
    for (const lang of ["curl", "python", "javascript", "csharp"]) {
      await page.click(`#tab-${lang}`);
      result[lang] = await page.textContent("#code");
    }
    await page.click("#copy");
    await page.waitForFunction(() => document.getElementById("copy-status").textContent !== "");
    result.clipboard = await page.evaluate(() => navigator.clipboard.readText());
    await shot(page, "snippets.png");
    return result;
  },
};

let output;
try {
  if (!cases[name]) throw new Error(`unknown case ${name}`);
  output = { ok: true, ...(await cases[name]()), problems };
} catch (e) {
  output = { ok: false, error: String(e?.stack ?? e), problems };
} finally {
  await browser.close();
}
console.log(JSON.stringify(output));
