import type { Product } from '../domain/product.js';
import type { ProductCatalog } from '../domain/product-catalog.js';

export class ListProducts {
  constructor(private readonly catalog: ProductCatalog) {}

  execute(): Promise<readonly Product[]> {
    return this.catalog.list();
  }
}
