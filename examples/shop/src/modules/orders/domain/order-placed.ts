import type { DomainEvent } from '@shared/event-bus.js';

export interface OrderPlaced extends DomainEvent {
  readonly type: 'OrderPlaced';
  readonly orderId: string;
  readonly total: number;
}
