export { PlaceOrder } from './application/place-order.js';
export type { OrderPlaced } from './domain/order-placed.js';
export { PostgresOrderRepository } from './infrastructure/postgres-order-repository.js';
