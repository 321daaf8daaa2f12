import express from 'express';
import { createPool } from '@shared/database.js';
import { EventBus } from '@shared/event-bus.js';
import { onOrderPlaced, PostgresInvoiceStore } from './modules/billing/index.js';
import { InMemoryCatalog, ListProducts } from './modules/catalog/index.js';
import { PlaceOrder, PostgresOrderRepository } from './modules/orders/index.js';
import { createRoutes } from './http/routes.js';

// Composition root: the only place that knows every module and every adapter.
const pool = createPool(process.env.DATABASE_URL ?? 'postgres://localhost/shop');
const bus = new EventBus();
onOrderPlaced(bus, new PostgresInvoiceStore(pool));
const placeOrder = new PlaceOrder(new PostgresOrderRepository(pool), bus);
const listProducts = new ListProducts(new InMemoryCatalog([{ sku: 'tea', name: 'Green tea', price: 4 }]));

const app = express();
app.use(express.json());
app.use('/api', createRoutes(placeOrder, listProducts));
app.listen(3000, () => console.log('shop listening on :3000'));
