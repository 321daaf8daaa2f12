import type { Product } from '../domain/product.js';
import type { ProductCatalog } from '../domain/product-catalog.js';

export class InMemoryCatalog implements ProductCatalog {
  constructor(private readonly products: readonly Product[]) {}

  async find(sku: string): Promise<Product | undefined> {
    return this.products.find((p) => p.sku === sku);
  }

  async list(): Promise<readonly Product[]> {
    return this.products;
  }
}
