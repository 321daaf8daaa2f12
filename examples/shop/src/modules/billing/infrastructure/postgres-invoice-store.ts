import type pg from 'pg';
import type { Invoice } from '../domain/invoice.js';
import type { InvoiceStore } from '../domain/invoice-store.js';

export class PostgresInvoiceStore implements InvoiceStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(invoice: Invoice): Promise<void> {
    await this.pool.query('insert into invoices (order_id, amount, issued_at) values ($1, $2, $3)', [
      invoice.orderId,
      invoice.amount,
      invoice.issuedAt,
    ]);
  }
}
