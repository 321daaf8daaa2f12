export type OrderStatus = 'placed' | 'paid' | 'cancelled';

export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

export class Order {
  private constructor(
    readonly id: string,
    readonly customerId: string,
    readonly lines: readonly OrderLine[],
    private status: OrderStatus,
  ) {}

  static place(id: string, customerId: string, lines: readonly OrderLine[]): Order {
    if (lines.length === 0) throw new Error('An order needs at least one line');
    return new Order(id, customerId, lines, 'placed');
  }

  get total(): number {
    return this.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  }

  markPaid(): void {
    if (this.status !== 'placed') throw new Error(`Cannot pay an order that is ${this.status}`);
    this.status = 'paid';
  }

  get currentStatus(): OrderStatus {
    return this.status;
  }
}
