export { onOrderPlaced } from './application/on-order-placed.js';
export { PostgresInvoiceStore } from './infrastructure/postgres-invoice-store.js';
