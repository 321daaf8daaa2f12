import { seen, type Rule } from '../rule-kit';
import { signalLabel } from '../signal-labels';

/** "Traffic spiky, event-triggered jobs?" → serverless, from function manifests. */
export const spikyTrafficRule: Rule = (s, d) => {
  if (s.functions.count === 0) return [];
  const manifest = s.functions.manifests[0];
  const folder = manifest?.includes('/') ? manifest.slice(0, manifest.lastIndexOf('/')) : undefined;
  return [
    {
      id: 'serverless-functions',
      pattern: 'serverless',
      fit: seen(d, 'serverless') ? 'fits' : 'consider',
      title: `Serverless: ${s.functions.count} function${s.functions.count === 1 ? '' : 's'} on managed infrastructure`,
      signals: [signalLabel.functions(s), signalLabel.queueConsumers(s)],
      reasoning: [
        'Works for spiky traffic and event-triggered jobs.',
        'Hurts sustained high load (cost), long-running work (time limits, cold starts), persistent connections, and lock-in.',
      ],
      steps: [
        {
          text: 'Add a function with its trigger to the manifest',
          ...(manifest ? { link: { kind: 'file' as const, path: manifest } } : {}),
          scaffold: { kind: 'function', ...(folder ? { folder } : {}) },
        },
      ],
    },
  ];
};
