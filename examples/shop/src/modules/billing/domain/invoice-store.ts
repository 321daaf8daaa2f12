import type { Invoice } from './invoice.js';

export interface InvoiceStore {
  add(invoice: Invoice): Promise<void>;
}
