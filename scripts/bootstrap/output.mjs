/**
 * Everything the bootstrap prints goes through here, so every line says who is talking and the
 * colours switch off when the output is not a terminal (CI logs, files).
 */
import { createInterface } from 'node:readline';

const useColour = process.stdout.isTTY === true && !process.env.NO_COLOR;
const codes = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, grey: 90, bold: 1 };

/** @param {keyof typeof codes} colour @param {string} text */
export function paint(colour, text) {
  return useColour ? `\u001b[${codes[colour]}m${text}\u001b[0m` : text;
}

const tag = paint('bold', '[bootstrap]');

/** @param {string} message */
export function say(message) {
  console.log(`${tag} ${message}`);
}

/** @param {string} message */
export function warn(message) {
  console.log(`${tag} ${paint('yellow', message)}`);
}

/** @param {string} message */
export function fail(message) {
  console.error(`${tag} ${paint('red', message)}`);
}

/** Colours handed out to child processes in start order, so each keeps its colour for the whole run. */
const prefixColours = /** @type {const} */ (['cyan', 'magenta', 'blue', 'green', 'yellow']);
let nextPrefixColour = 0;

/**
 * Copies a child's output to ours line by line with a padded, coloured name in front.
 * @param {import('node:stream').Readable} stream
 * @param {string} name
 * @param {NodeJS.WritableStream} target
 */
export function prefixLines(stream, name, target = process.stdout) {
  const colour = prefixColours[nextPrefixColour++ % prefixColours.length] ?? 'cyan';
  const prefix = paint(colour, `${name.padEnd(8)} |`);
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    target.write(`${prefix} ${line}\n`);
  });
}

/** @param {number} ms */
export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

/**
 * Runs one named step and prints how long it took, so slow steps are visible in every run.
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} step
 * @returns {Promise<T>}
 */
export async function timed(name, step) {
  const started = performance.now();
  const result = await step();
  say(`${name} ${paint('grey', `(${seconds(performance.now() - started)})`)}`);
  return result;
}
