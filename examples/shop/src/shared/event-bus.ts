import { EventEmitter } from 'node:events';

export interface DomainEvent {
  readonly type: string;
  readonly occurredAt: Date;
}

/** In-process bus: modules publish facts and react to each other's without importing them. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  publish(event: DomainEvent): void {
    this.emitter.emit(event.type, event);
  }

  subscribe<E extends DomainEvent>(type: E['type'], handler: (event: E) => void): void {
    this.emitter.on(type, handler as (event: DomainEvent) => void);
  }
}
