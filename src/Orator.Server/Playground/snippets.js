// "Copy as code": the request the playground would make, written as curl, Python, JavaScript and
// C# programs. Every user-controlled value goes through the string-literal function of its
// language, so any text (quotes, backslashes, $, newlines, emoji, U+2028...) round-trips exactly.
// Pure functions without DOM access: the tests import this module in Node.

const hex4 = (code) => "\\u" + code.toString(16).toUpperCase().padStart(4, "0");

// Line and paragraph separators and C1 controls are legal inside JSON but are line breaks (C#)
// or invisible (everywhere); they are escaped so the literal stays on one visible line.
const invisible = /[\u007F-\u009F\u2028\u2029]/g;

/** A bash/POSIX-shell single-quoted word: nothing inside is special except the quote itself. */
export function shellString(value) {
  return "'" + value.replaceAll("'", "'\\''") + "'";
}

/** A JavaScript string literal. */
export function jsString(value) {
  return JSON.stringify(value).replace(invisible, (c) => hex4(c.charCodeAt(0)));
}

/**
 * A Python 3 string literal. JSON's escapes (\" \\ \b \f \n \r \t \uXXXX) mean the same in
 * Python, and JSON.stringify writes lone surrogates as \uXXXX escapes, which Python accepts.
 */
export function pythonString(value) {
  return jsString(value);
}

/** A C# regular string literal (not verbatim, not interpolated: braces stay plain). */
export function csharpString(value) {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value[i];
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c === 0) out += "\\0";
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) out += hex4(c);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && isLow(value.charCodeAt(i + 1))) {
      out += ch + value[i + 1]; // a well-formed pair stays readable (emoji)
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += hex4(c); // a lone surrogate cannot be written raw in UTF-8 source
    else out += ch;
  }
  return out + '"';
}

const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

const csharpFormats = { mp3: "Mp3", opus: "Opus", aac: "Aac", flac: "Flac", wav: "Wav", pcm: "Pcm" };

/** The speed as all four languages write a number: 1, 1.5, 0.25 (never 1.50 or 1e0). */
function speedText(speed) {
  return String(Math.round(Number(speed) * 100) / 100);
}

/** The JSON body the playground sends; key order as in the OpenAI reference. */
export function requestBody(settings) {
  const body = { model: settings.model, input: settings.input, voice: settings.voice };
  if (settings.instructions) body.instructions = settings.instructions;
  body.response_format = settings.format;
  if (Number(settings.speed) !== 1) body.speed = Number(speedText(settings.speed));
  return body;
}

/** The file name the snippets (and the Download button) write. */
export function fileName(format) {
  return `speech.${format}`;
}

/**
 * All four snippets for the current settings:
 * { baseUrl, model, voice, input, instructions, format, speed, withKey }.
 * The key itself never appears: snippets read ORATOR_API_KEY from the environment.
 */
export function buildSnippets(settings) {
  return {
    curl: curlSnippet(settings),
    python: pythonSnippet(settings),
    javascript: javascriptSnippet(settings),
    csharp: csharpSnippet(settings),
  };
}

function curlSnippet(s) {
  const url = `${s.baseUrl}/audio/speech`;
  const lines = [`curl ${/^[A-Za-z0-9:/._\-\[\]]+$/.test(url) ? url : shellString(url)} \\`];
  if (s.withKey) lines.push('  -H "Authorization: Bearer $ORATOR_API_KEY" \\');
  lines.push('  -H "Content-Type: application/json" \\');
  lines.push(`  -d ${shellString(JSON.stringify(requestBody(s)))} \\`);
  lines.push(`  --output ${fileName(s.format)}`);
  return lines.join("\n");
}

function pythonSnippet(s) {
  const args = [
    `    model=${pythonString(s.model)},`,
    `    voice=${pythonString(s.voice)},`,
    `    input=${pythonString(s.input)},`,
  ];
  if (s.instructions) args.push(`    instructions=${pythonString(s.instructions)},`);
  args.push(`    response_format=${pythonString(s.format)},`);
  if (Number(s.speed) !== 1) args.push(`    speed=${speedText(s.speed)},`);
  return [
    "import os",
    "",
    "from openai import OpenAI",
    "",
    `client = OpenAI(base_url=${pythonString(s.baseUrl)}, api_key=os.environ.get("ORATOR_API_KEY", "none"))`,
    "",
    "with client.audio.speech.with_streaming_response.create(",
    ...args,
    ") as response:",
    `    response.stream_to_file(${pythonString(fileName(s.format))})`,
  ].join("\n");
}

function javascriptSnippet(s) {
  const args = [
    `  model: ${jsString(s.model)},`,
    `  voice: ${jsString(s.voice)},`,
    `  input: ${jsString(s.input)},`,
  ];
  if (s.instructions) args.push(`  instructions: ${jsString(s.instructions)},`);
  args.push(`  response_format: ${jsString(s.format)},`);
  if (Number(s.speed) !== 1) args.push(`  speed: ${speedText(s.speed)},`);
  return [
    'import fs from "node:fs";',
    'import OpenAI from "openai";',
    "",
    `const client = new OpenAI({ baseURL: ${jsString(s.baseUrl)}, apiKey: process.env.ORATOR_API_KEY ?? "none" });`,
    "",
    "const response = await client.audio.speech.create({",
    ...args,
    "});",
    `fs.writeFileSync(${jsString(fileName(s.format))}, Buffer.from(await response.arrayBuffer()));`,
  ].join("\n");
}

function csharpSnippet(s) {
  const options = [`        ResponseFormat = GeneratedSpeechFormat.${csharpFormats[s.format] ?? "Mp3"},`];
  if (Number(s.speed) !== 1) options.push(`        SpeedRatio = ${speedText(s.speed)}f,`);
  if (s.instructions) options.push(`        Instructions = ${csharpString(s.instructions)},`);
  // The SDK marks Instructions as experimental (diagnostic OPENAI001, an error by default).
  const pragma = s.instructions ? ["#pragma warning disable OPENAI001 // Instructions is experimental in the SDK", ""] : [];
  return [
    ...pragma,
    "using System.ClientModel;",
    "using OpenAI;",
    "using OpenAI.Audio;",
    "",
    "var client = new AudioClient(",
    `    ${csharpString(s.model)},`,
    '    new ApiKeyCredential(Environment.GetEnvironmentVariable("ORATOR_API_KEY") ?? "none"),',
    `    new OpenAIClientOptions { Endpoint = new Uri(${csharpString(s.baseUrl)}) });`,
    "",
    "BinaryData audio = await client.GenerateSpeechAsync(",
    `    ${csharpString(s.input)},`,
    `    new GeneratedSpeechVoice(${csharpString(s.voice)}),`,
    "    new SpeechGenerationOptions",
    "    {",
    ...options,
    "    });",
    "",
    `await File.WriteAllBytesAsync(${csharpString(fileName(s.format))}, audio.ToArray());`,
  ].join("\n");
}
