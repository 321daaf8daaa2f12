import type pg from 'pg';
import { Order } from '../domain/order.js';
import type { OrderRepository } from '../domain/order-repository.js';

export class PostgresOrderRepository implements OrderRepository {
  constructor(private readonly pool: pg.Pool) {}

  async save(order: Order): Promise<void> {
    await this.pool.query('insert into orders (id, customer_id, total) values ($1, $2, $3)', [
      order.id,
      order.customerId,
      order.total,
    ]);
  }

  async findById(id: string): Promise<Order | undefined> {
    const result = await this.pool.query('select id, customer_id from orders where id = $1', [id]);
    const row = result.rows[0] as { id: string; customer_id: string } | undefined;
    return row ? Order.place(row.id, row.customer_id, [{ sku: 'unknown', quantity: 1, unitPrice: 0 }]) : undefined;
  }
}
