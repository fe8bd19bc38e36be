/**
 * Folder order, checked by `npm run deps:check` (run by .ci/run): a folder imports only from its own
 * layer or the layers below it, and no module imports itself back through others. The README's
 * "Folder order" section explains the layers; change both together.
 */
const LAYERS = [
  { name: 'entry points', paths: ['index\\.ts$', 'staff/'] },
  { name: 'HTTP', paths: ['server/'] },
  // The Bot Framework's side of the bot (activity in, replies out, state, errors) and the assembly
  // (createBot, which registers the screening dialog): the only part of bot/ that knows the SDK.
  { name: 'framework and assembly', paths: ['bot/framework/'] },
  { name: 'dialogs', paths: ['dialogs/'] },
  { name: 'turn', paths: ['bot/(?!framework/)'] },
  // The patient's FAQ path and the usage log, beside the state storage. knowledge/ holds no code, only the
  // data staff and clinicians edit (FAQ, wording, rules, word lists), which any layer may read.
  { name: 'storage, faq and usage', paths: ['storage/', 'faq/', 'usage/'] },
  { name: 'channels and safety', paths: ['channels/', 'safety/'] },
  { name: 'language', paths: ['language/'] },
  { name: 'config', paths: ['config/'] },
];

const pathsOf = (layers) => `^(${layers.flatMap((layer) => layer.paths).join('|')})`;

const upwardImports = LAYERS.slice(1).map((layer, index) => ({
  name: `no-import-upward-from-${layer.name.replace(/\W+/g, '-')}`,
  comment: `${layer.name} may not import from ${LAYERS.slice(0, index + 1).map((above) => above.name).join(', ')} (see the README's folder order)`,
  severity: 'error',
  from: { path: pathsOf([layer]) },
  to: { path: pathsOf(LAYERS.slice(0, index + 1)) },
}));

/**
 * The files that may import the Bot Framework SDK (botbuilder*): the seam a move to the Microsoft 365
 * Agents SDK goes through (docs/agents-sdk-move.md). The turn's logic, the screening, the knowledge
 * base, safety, language and config stay free of it.
 */
const SDK_SEAM = [
  'bot/framework/',
  'channels/(ChannelCapabilities|ReplyRenderer|moveChoicesToTurnEnd)\\.ts$',
  'storage/',
  'server/',
  'staff/(chat|postActivity)\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module that imports itself back through others: split it, or move the shared part down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upwardImports,
    {
      name: 'botbuilder-only-in-the-seam',
      comment: 'Only the files in SDK_SEAM import botbuilder: return a TurnOutcome, or take a PatientMessage, instead.',
      severity: 'error',
      from: { pathNot: `^(${SDK_SEAM.join('|')})` },
      to: { path: 'node_modules/botbuilder' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    parser: 'swc',
  },
};
