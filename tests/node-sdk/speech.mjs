// Usage: node speech.mjs <baseURL> <apiKey> <model> <voice> <format> <outFile> [streamFormat]
// Calls client.audio.speech.create exactly as an application would, writes the body to outFile,
// and prints one JSON line describing what happened.
import OpenAI from "openai";
import fs from "node:fs";

const [baseURL, apiKey, model, voice, format, outFile, streamFormat] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 120_000 });

try {
  const request = { model, voice, input: "The official Node client is talking to Orator.", response_format: format };
  if (streamFormat) request.stream_format = streamFormat;
  const response = await client.audio.speech.create(request);
  const buffer = Buffer.from(await response.arrayBuffer());
  fs.writeFileSync(outFile, buffer);
  console.log(JSON.stringify({ ok: true, bytes: buffer.length, contentType: response.headers.get("content-type") }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, status: error.status ?? null, message: error.message, type: error.error?.type ?? null, param: error.error?.param ?? null }));
}
