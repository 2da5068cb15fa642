// Usage: node retry.mjs <baseURL> <apiKey>
// One client.audio.speech.create with the SDK's own retries (maxRetries 1): a 429 is retried after the
// wait the server asks for. Prints one JSON line: whether it ended with audio, and how long it took.
import OpenAI from "openai";

const [baseURL, apiKey] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 1, timeout: 120_000 });
const started = Date.now();
try {
  const response = await client.audio.speech.create({ model: "tts-1", voice: "alloy", input: "Retried after the wait the server asked for.", response_format: "mp3" });
  const buffer = Buffer.from(await response.arrayBuffer());
  console.log(JSON.stringify({ ok: true, bytes: buffer.length, elapsedMs: Date.now() - started }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, status: error.status ?? null, message: error.message, elapsedMs: Date.now() - started }));
}
