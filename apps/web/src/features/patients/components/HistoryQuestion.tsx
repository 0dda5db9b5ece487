import { Box, Textarea } from '@mantine/core';
import { WINDOW_RULES, type MedicalHistoryFieldInfo, type WindowLength, type WindowRuleCode } from '@skinledger/domain';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import type { HistoryFormValues } from '@web/features/patients/historyDraft';
import { isBooleanField, isDateField } from '@web/features/patients/historySections';
import { AllergiesEditor } from './AllergiesEditor';
import { ExposureDateQuestion } from './ExposureDateQuestion';
import { MedicationsQuestion } from './MedicationsQuestion';
import { YesNoQuestion } from './YesNoQuestion';

interface HistoryQuestionProps {
  info: MedicalHistoryFieldInfo;
  values: HistoryFormValues;
  errors: FieldErrors;
  windows: Readonly<Record<WindowRuleCode, WindowLength>>;
  today: string;
  onChange: (values: Partial<HistoryFormValues>) => void;
  onEdited: (errorKey: string) => void;
}

/** One question of the questionnaire, asked the way its input kind calls for. */
export function HistoryQuestion({ info, values, errors, windows, today, onChange, onEdited }: HistoryQuestionProps) {
  if (isBooleanField(info)) {
    return (
      <YesNoQuestion
        label={info.label}
        help={info.help}
        section={info.section}
        checked={values.answers[info.field]}
        onChange={(checked) => onChange({ answers: { ...values.answers, [info.field]: checked } })}
      />
    );
  }
  if (isDateField(info)) {
    const rule = WINDOW_RULES.find((r) => r.field === info.field);
    return (
      <ExposureDateQuestion
        label={info.label}
        help={info.help}
        window={rule ? windows[rule.code] : undefined}
        value={values.dates[info.field]}
        error={errors[info.field]}
        today={today}
        onChange={(date) => {
          onChange({ dates: { ...values.dates, [info.field]: date } });
          onEdited(info.field);
        }}
      />
    );
  }
  switch (info.input) {
    case 'text_list':
      return (
        <MedicationsQuestion
          label={info.label}
          value={values.medications}
          error={errors.medications}
          hasIsotretinoinDate={values.dates.isotretinoinLastDoseOn !== ''}
          onChange={(medications) => onChange({ medications })}
        />
      );
    case 'allergy_list':
      return (
        <Box px="md" py={10}>
          <AllergiesEditor
            label={info.label}
            drafts={values.allergies}
            errors={errors}
            onChange={(allergies) => onChange({ allergies })}
            onEdited={onEdited}
            size="md"
          />
        </Box>
      );
    default:
      return (
        <Box px="md" py={10}>
          <Textarea
            size="md"
            label={info.label}
            description="Anything else about your health we should know: conditions, surgery, reactions to earlier treatments."
            autosize
            minRows={3}
            maxRows={10}
            value={values.freeText}
            error={errors.freeText}
            onChange={(e) => onChange({ freeText: e.currentTarget.value })}
          />
        </Box>
      );
  }
}
