import type { Product } from './product.js';

export interface ProductCatalog {
  find(sku: string): Promise<Product | undefined>;
  list(): Promise<readonly Product[]>;
}
