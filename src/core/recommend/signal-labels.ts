import type { SignalValue } from './types';
import type { WorkspaceSignals } from './workspace-signals';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The measured values phrased for a person, each with the id of its measurement. */
export const signalLabel = {
  team(s: WorkspaceSignals): SignalValue {
    return {
      id: 'team',
      label: s.team.known
        ? `${plural(s.team.authors, 'author')} in the last 12 months (git)`
        : `team size unknown: ${s.team.reason}`,
    };
  },
  deployables(s: WorkspaceSignals): SignalValue {
    const names = s.deployables.names.slice(0, 4).map((n) => `\`${n}\``);
    const more = s.deployables.names.length > 4 ? ', …' : '';
    return {
      id: 'deployables',
      label: `${plural(s.deployables.count, 'deployable')}${names.length > 1 ? ` (${names.join(', ')}${more})` : ''}`,
    };
  },
  releaseConfigs(s: WorkspaceSignals): SignalValue {
    return { id: 'release-configs', label: plural(s.releaseConfigs, 'separate release config') };
  },
  handlers(s: WorkspaceSignals): SignalValue {
    return { id: 'handlers', label: `reads:writes handlers ${s.handlers.queries}:${s.handlers.commands}` };
  },
  readModels(s: WorkspaceSignals): SignalValue {
    return { id: 'read-models', label: plural(s.handlers.readModels, 'read model') };
  },
  brokers(s: WorkspaceSignals): SignalValue {
    const { brokerClients, brokerServices } = s.messaging;
    const parts = [
      ...(brokerClients.length > 0
        ? [`broker clients ${brokerClients.map((c) => `\`${c}\``).join(', ')}`]
        : []),
      ...(brokerServices.length > 0
        ? [`broker services ${brokerServices.map((c) => `\`${c}\``).join(', ')}`]
        : []),
    ];
    return { id: 'brokers', label: parts.length > 0 ? parts.join('; ') : 'no broker client' };
  },
  eventHandlers(s: WorkspaceSignals): SignalValue {
    return { id: 'event-handlers', label: plural(s.messaging.eventHandlers, 'event handler') };
  },
  queueConsumers(s: WorkspaceSignals): SignalValue {
    return { id: 'queue-consumers', label: plural(s.messaging.queueConsumers, 'queue consumer') };
  },
  functions(s: WorkspaceSignals): SignalValue {
    return {
      id: 'functions',
      label: `${plural(s.functions.count, 'function')} in ${plural(s.functions.manifests.length, 'manifest')}`,
    };
  },
  domain(s: WorkspaceSignals): SignalValue {
    const where =
      s.domain.folders.length > 0
        ? ` in ${s.domain.folders
            .slice(0, 3)
            .map((f) => `\`${f}/\``)
            .join(', ')}`
        : '';
    return {
      id: 'domain',
      label: `${plural(s.domain.files, 'domain file')}, ${plural(s.domain.entities, 'entity', 'entities')}${where}`,
    };
  },
  coupling(s: WorkspaceSignals): SignalValue {
    const what = s.coupling.kind === 'modules' ? 'module' : 'top-folder';
    return {
      id: 'coupling',
      label: `${plural(s.coupling.mutual.length, `${what} pair`)} coupled both ways, ${plural(s.coupling.cycles.length, 'cycle')} across ${plural(s.coupling.groups.length, s.coupling.kind === 'modules' ? 'module' : 'top folder')}`,
    };
  },
  crossServiceImports(s: WorkspaceSignals): SignalValue {
    const count = s.crossServiceImports.reduce((n, l) => n + l.count, 0);
    return { id: 'cross-service-imports', label: plural(count, 'source import') + ' between services' };
  },
  hexagonLeaks(count: number): SignalValue {
    return {
      id: 'hexagon-leaks',
      label: plural(count, 'import') + ' of infrastructure or adapters from the core',
    };
  },
};
