export { ListProducts } from './application/list-products.js';
export { InMemoryCatalog } from './infrastructure/in-memory-catalog.js';
export type { Product } from './domain/product.js';
