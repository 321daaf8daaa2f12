import express from 'express';
import type { ListProducts } from '../modules/catalog/index.js';
import type { PlaceOrder } from '../modules/orders/index.js';

export function createRoutes(placeOrder: PlaceOrder, listProducts: ListProducts): express.Router {
  const router = express.Router();
  router.get('/products', async (_req, res) => {
    res.json(await listProducts.execute());
  });
  router.post('/orders', async (req, res) => {
    const id = await placeOrder.execute(String(req.body.customerId), req.body.lines);
    res.status(201).json({ id });
  });
  return router;
}
