import { useTranslate } from 'react-admin';
import { humanizeStep, stepKey } from './step-label';

/**
 * A step's name in the UI language ("Reserved", "Short pick"), never the workflow's enum: our translation,
 * else the label the workflow's definition gives (when the caller has it), else the enum read as words.
 */
export function useStepLabel(): (step: string | null | undefined, definitionLabel?: string) => string {
  const translate = useTranslate();
  return (step, definitionLabel) =>
    step === null || step === undefined || step === ''
      ? '—'
      : translate(stepKey(step), { _: definitionLabel !== undefined && definitionLabel !== step ? definitionLabel : humanizeStep(step) });
}
