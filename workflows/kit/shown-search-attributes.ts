import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { type searchAttributes } from '../../domain/workflow-kit/search-attributes';

type KeywordKey = (typeof searchAttributes)[keyof typeof searchAttributes];

/**
 * Keeps keyword search attributes (CurrentStep, StoreCode...) as the Workflows list shows them. The
 * starter sets their first values; `show` upserts only when one of them changes, because an upsert is a
 * history event and a write to the visibility store.
 */
export class ShownSearchAttributes {
  private readonly shown = new Map<string, string | undefined>();

  constructor(keys: readonly KeywordKey[]) {
    const attributes = workflowInfo().typedSearchAttributes;
    for (const key of keys) this.shown.set(key.name, attributes.get(key));
  }

  /** `evenIfUnchanged`: runs recorded before skipping was introduced upserted every time; they replay so. */
  show(values: readonly { key: KeywordKey; value: string }[], { evenIfUnchanged = false } = {}): void {
    if (!evenIfUnchanged && values.every(({ key, value }) => this.shown.get(key.name) === value)) return;
    for (const { key, value } of values) this.shown.set(key.name, value);
    upsertSearchAttributes(values.map(({ key, value }) => ({ key, value })));
  }
}
