import { useTranslate } from 'react-admin';
import { humanizeStep, stepKey } from './step-label';

/** A step's name in the UI language ("Reserved", "Short pick"), never the workflow's enum. */
export function useStepLabel(): (step: string | null | undefined) => string {
  const translate = useTranslate();
  return (step) => (step === null || step === undefined || step === '' ? '—' : translate(stepKey(step), { _: humanizeStep(step) }));
}
