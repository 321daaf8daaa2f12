import type { EventBus } from '@shared/event-bus.js';
import type { OrderPlaced } from '../../orders/index.js';
import type { InvoiceStore } from '../domain/invoice-store.js';

/** Billing reacts to orders through the bus; it never calls the orders module directly. */
export function onOrderPlaced(bus: EventBus, invoices: InvoiceStore): void {
  bus.subscribe<OrderPlaced>('OrderPlaced', (event) => {
    void invoices.add({ orderId: event.orderId, amount: event.total, issuedAt: event.occurredAt });
  });
}
