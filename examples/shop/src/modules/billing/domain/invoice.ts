export interface Invoice {
  readonly orderId: string;
  readonly amount: number;
  readonly issuedAt: Date;
}
