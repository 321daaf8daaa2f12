export interface Product {
  readonly sku: string;
  readonly name: string;
  readonly price: number;
}
