import { randomUUID } from 'node:crypto';
import type { EventBus } from '@shared/event-bus.js';
import { Order, type OrderLine } from '../domain/order.js';
import type { OrderPlaced } from '../domain/order-placed.js';
import type { OrderRepository } from '../domain/order-repository.js';

export class PlaceOrder {
  constructor(
    private readonly orders: OrderRepository,
    private readonly bus: EventBus,
  ) {}

  async execute(customerId: string, lines: readonly OrderLine[]): Promise<string> {
    const order = Order.place(randomUUID(), customerId, lines);
    await this.orders.save(order);
    const event: OrderPlaced = { type: 'OrderPlaced', occurredAt: new Date(), orderId: order.id, total: order.total };
    this.bus.publish(event);
    return order.id;
  }
}
