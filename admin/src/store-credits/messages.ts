import { type DomainMessages } from '../i18n/domain-messages';

/** Labels of the store credit screens (credit a till refund issued, spent at any store's till). */
export const storeCreditMessages: DomainMessages = {
  en: {
    resources: {
      'store-credits': {
        name: 'Store credit |||| Store credit',
        fields: {
          code: 'Code',
          customerName: 'Customer',
          issuedAtStoreName: 'Issued at',
          amountMinor: 'Issued',
          balanceMinor: 'Left',
          createdAt: 'Issued on',
          expiresAt: 'Valid until',
        },
      },
    },
    omni: {
      store_credit: {
        code_search: 'Code (as the customer shows it)',
        open_return: 'Open the return it refunds',
        used_up: 'Nothing left on this store credit.',
        expired: 'This store credit has expired: the till cannot take it.',
        redeem_title: 'Pay with this store credit',
        amount_to_spend: 'Amount to pay (%{currency})',
        amount_help: '%{balance} left. Type it as on the receipt.',
        amount_invalid: 'Type an amount, e.g. 12,50 (or 150.000 for rupiah)',
        amount_too_much: 'More than is left: %{balance}',
        receipt: 'Receipt number',
        receipt_help: 'The till receipt this pays; the same receipt again spends nothing twice.',
        till_store: 'Store whose till this is',
        spend: 'Pay with store credit',
        spend_amount: 'Pay %{amount} with store credit',
        spent: 'Paid with store credit: %{balance} left',
        never_spent: 'Not spent yet.',
        left: '%{balance} left',
        spent_at: 'When',
        store: 'Store',
        amount: 'Amount',
        by: 'By',
      },
    },
  },
  id: {
    resources: {
      'store-credits': {
        name: 'Kredit toko',
        fields: {
          code: 'Kode',
          customerName: 'Pelanggan',
          issuedAtStoreName: 'Diterbitkan di',
          amountMinor: 'Diterbitkan',
          balanceMinor: 'Sisa',
          createdAt: 'Tanggal terbit',
          expiresAt: 'Berlaku sampai',
        },
      },
    },
    omni: {
      store_credit: {
        code_search: 'Kode (seperti yang ditunjukkan pelanggan)',
        open_return: 'Buka retur yang dikembalikan dananya',
        used_up: 'Kredit toko ini sudah habis.',
        expired: 'Kredit toko ini sudah kedaluwarsa: kasir tidak dapat menerimanya.',
        redeem_title: 'Bayar dengan kredit toko ini',
        amount_to_spend: 'Jumlah yang dibayar (%{currency})',
        amount_help: 'Sisa %{balance}. Ketik seperti di struk.',
        amount_invalid: 'Ketik jumlah, mis. 150.000 (atau 12,50 untuk euro)',
        amount_too_much: 'Melebihi sisa: %{balance}',
        receipt: 'Nomor struk',
        receipt_help: 'Struk kasir yang dibayar; struk yang sama tidak memotong kredit dua kali.',
        till_store: 'Toko tempat kasir ini',
        spend: 'Bayar dengan kredit toko',
        spend_amount: 'Bayar %{amount} dengan kredit toko',
        spent: 'Dibayar dengan kredit toko: sisa %{balance}',
        never_spent: 'Belum digunakan.',
        left: 'Sisa %{balance}',
        spent_at: 'Waktu',
        store: 'Toko',
        amount: 'Jumlah',
        by: 'Oleh',
      },
    },
  },
};
