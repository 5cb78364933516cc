import { type DomainMessages } from '../i18n/domain-messages';

/** Stock counts outside an outage (the dialog on a store's page; the rest is the outage count's). */
export const stockCountMessages: DomainMessages = {
  en: {
    omni: {
      stock_count: {
        request_help:
          'The store’s staff get a task to count these on the shelf. Differences correct the stock; large ones after a second person approves.',
      },
    },
  },
  id: {
    omni: {
      stock_count: {
        request_help:
          'Staf toko mendapat tugas menghitung produk ini di rak. Selisih mengoreksi stok; selisih besar setelah disetujui orang kedua.',
      },
    },
  },
};
