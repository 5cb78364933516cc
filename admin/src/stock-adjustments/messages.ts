import { type DomainMessages } from '../i18n/domain-messages';

/** Labels of the stock adjustment screens (a correction of on-hand with a reason, four-eyes above the thresholds). */
export const stockAdjustmentMessages: DomainMessages = {
  en: {
    resources: {
      'stock-adjustments': {
        name: 'Stock adjustment |||| Stock adjustments',
        fields: {
          createdAt: 'Requested',
          storeId: 'Store',
          sku: 'SKU',
          delta: 'Change in on hand',
          reason: 'Reason',
          valueMinor: 'Value',
          status: 'Status',
          requestedByUserId: 'Requested by',
          decisionReason: 'Reason of the decision',
          appliedAt: 'Applied at',
        },
      },
    },
    omni: {
      stock_adjustment: {
        adjust: 'Adjust stock',
        requested: 'Adjustment requested: applied now, or once a second person approves it',
        status: {
          REQUESTED: 'Being applied',
          AWAITING_APPROVAL: 'Waiting for approval',
          APPROVED: 'Approved',
          APPLIED: 'Applied',
          REJECTED: 'Rejected',
        },
        delta_help: 'Positive adds units (a delivery found), negative removes them (damaged, lost). Not zero.',
        reason_help: 'What happened, in words a second person can check (e.g. "Count of 12.12: 3 damaged").',
        approval_note: 'Larger corrections wait for a second person: a store manager, ops lead or admin who did not ask for it.',
        open_approval: 'Open the approval request',
        only_managers: 'Stock adjustments are made by store managers, ops leads and admins.',
        not_zero: 'Must not be zero',
      },
    },
  },
  id: {
    resources: {
      'stock-adjustments': {
        name: 'Penyesuaian stok |||| Penyesuaian stok',
        fields: {
          createdAt: 'Diajukan',
          storeId: 'Toko',
          sku: 'SKU',
          delta: 'Perubahan stok fisik',
          reason: 'Alasan',
          valueMinor: 'Nilai',
          status: 'Status',
          requestedByUserId: 'Diajukan oleh',
          decisionReason: 'Alasan keputusan',
          appliedAt: 'Waktu diterapkan',
        },
      },
    },
    omni: {
      stock_adjustment: {
        adjust: 'Sesuaikan stok',
        requested: 'Penyesuaian diajukan: diterapkan sekarang, atau setelah orang kedua menyetujuinya',
        status: {
          REQUESTED: 'Sedang diterapkan',
          AWAITING_APPROVAL: 'Menunggu persetujuan',
          APPROVED: 'Disetujui',
          APPLIED: 'Diterapkan',
          REJECTED: 'Ditolak',
        },
        delta_help: 'Angka positif menambah unit (kiriman yang ditemukan), negatif mengurangi (rusak, hilang). Tidak boleh nol.',
        reason_help: 'Apa yang terjadi, dengan kata-kata yang bisa diperiksa orang kedua (mis. "Stock opname 12.12: 3 rusak").',
        approval_note: 'Koreksi yang lebih besar menunggu orang kedua: kepala toko, ops lead, atau admin yang tidak mengajukannya.',
        open_approval: 'Buka permintaan persetujuan',
        only_managers: 'Penyesuaian stok dilakukan oleh kepala toko, ops lead, dan admin.',
        not_zero: 'Tidak boleh nol',
      },
    },
  },
};
