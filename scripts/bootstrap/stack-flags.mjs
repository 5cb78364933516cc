/**
 * Command-line switches of `dev` and `test`, each the short form of a documented variable, which they set
 * (so a flag and its variable can never disagree, and whatever reads settings sees one value):
 *   --cluster         TEMPORAL_MODE=cluster
 *   --dev-server      TEMPORAL_MODE=dev
 *   --workers N       BOOTSTRAP_WORKER_PROCESSES=N
 *   --demo NAME       SEED_PROFILE=NAME (which demo retailer the seed adds: europe or indonesia)
 * Anything else is left for the command (jest's arguments, for `test`).
 * @param {string[]} args
 * @returns {string[]} the arguments that are not ours
 */
export function applyStackFlags(args) {
  const rest = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = /** @type {string} */ (args[index]);
    if (arg === '--cluster') process.env.TEMPORAL_MODE = 'cluster';
    else if (arg === '--dev-server') process.env.TEMPORAL_MODE = 'dev';
    else if (arg.startsWith('--workers=')) process.env.BOOTSTRAP_WORKER_PROCESSES = arg.slice('--workers='.length);
    else if (arg === '--workers') {
      process.env.BOOTSTRAP_WORKER_PROCESSES = args[index + 1] ?? '';
      index += 1;
    } else if (arg.startsWith('--demo=')) process.env.SEED_PROFILE = arg.slice('--demo='.length);
    else if (arg === '--demo') {
      process.env.SEED_PROFILE = args[index + 1] ?? '';
      index += 1;
    } else rest.push(arg);
  }
  return rest;
}
