import { Alert, Button, Grid, Group, NumberInput, Paper, Select, Skeleton, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { CONSENT_KINDS, CONSENT_PLACEHOLDER_LABELS, CONSENT_PLACEHOLDERS, type ConsentKind } from '@skinledger/domain';
import { CONSENT_KIND_LABELS } from '@web/lib/words/clinicWords';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { FormAlert } from '@web/components/FormAlert';
import { PageHeader } from '@web/components/PageHeader';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useSelectedLocation } from '@web/entities/location';
import { AcknowledgementsEditor } from '@web/features/consents/components/AcknowledgementsEditor';
import { TemplatePreview } from '@web/features/consents/components/TemplatePreview';
import { TemplateStatusBadge } from '@web/features/consents/components/TemplateStatusBadge';
import { TemplateVersionHistory } from '@web/features/consents/components/TemplateVersionHistory';
import { useConsentAccess } from '@web/features/consents/hooks/useConsentAccess';
import { useApproveConsentTemplate, useConsentTemplate, useSaveConsentTemplate } from '@web/features/consents/hooks/useConsentTemplates';
import { draftFrom, emptyDraft, type TemplateDraft } from '@web/features/consents/templateDraft';

const FIELDS = ['kind', 'title', 'body', 'acknowledgements', 'validDays', 'changeNote'];

/** Writes a consent form: Markdown with placeholders, a live preview, acknowledgements, version history and approval. */
export function ConsentTemplatePage() {
  const { id } = useParams();
  const isNew = !id;
  const template = useConsentTemplate(id);
  const save = useSaveConsentTemplate();
  const approve = useApproveConsentTemplate();
  const { canManageTemplates } = useConsentAccess();
  const { timeZone } = useSelectedLocation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<TemplateDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<ProblemFeedback['summary']>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const loadedVersion = useRef<string | null>(null);
  useDocumentTitle(`${isNew ? 'New consent form' : (template.data?.title ?? 'Consent form')} · SkinLedger`);

  useEffect(() => {
    if (template.data && loadedVersion.current !== template.data.current.id) {
      loadedVersion.current = template.data.current.id;
      setDraft(draftFrom(template.data.kind, template.data.current, template.data.witnessRequired));
    }
  }, [template.data]);

  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const insertPlaceholder = (name: string) => {
    const el = bodyRef.current;
    const token = `{{${name}}}`;
    const at = el?.selectionStart ?? draft.body.length;
    const end = el?.selectionEnd ?? at;
    set('body', `${draft.body.slice(0, at)}${token}${draft.body.slice(end)}`);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const publish = () => {
    setErrors({});
    setSummary(null);
    const fields = { title: draft.title, body: draft.body, acknowledgements: draft.acknowledgements, validDays: Number(draft.validDays), witnessRequired: draft.witnessRequired };
    const input = isNew
      ? { create: { ...fields, kind: draft.kind } }
      : { id: id ?? '', body: { ...fields, requiresReconsent: draft.requiresReconsent, ...(draft.changeNote.trim() ? { changeNote: draft.changeNote.trim() } : {}) } };
    save.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', title: `Version ${saved.currentVersion} published`, message: 'Review it with your medical director, then approve it.' });
        if (isNew) void navigate(`/consents/templates/${saved.id}`, { replace: true });
      },
      onError: (error) => {
        const feedback = describeProblem(error, (f) => FIELDS.find((name) => f === name || f.startsWith(`${name}[`) || f.startsWith(`${name}.`)));
        setErrors(feedback.fieldErrors);
        setSummary(feedback.summary);
      },
    });
  };

  if (!isNew && template.isPending) return <Skeleton height={480} />;
  if (!isNew && template.isError) return <QueryErrorAlert error={template.error} what="the consent form" onRetry={() => void template.refetch()} />;
  const current = template.data;
  const readOnly = !canManageTemplates;

  return (
    <>
      <PageHeader
        title={isNew ? 'New consent form' : (current?.title ?? '')}
        description={
          current ? (
            <Group gap="xs" component="span">
              <span>
                {CONSENT_KIND_LABELS[current.kind]} · version {current.currentVersion}
              </span>
              <TemplateStatusBadge template={current} />
            </Group>
          ) : (
            'Write the text with placeholders; the preview shows it with a sample patient.'
          )
        }
        actions={
          current &&
          canManageTemplates &&
          current.needsReview && (
            <Button
              color="green"
              variant="light"
              loading={approve.isPending}
              onClick={() =>
                approve.mutate(
                  { id: current.id, version: current.currentVersion },
                  {
                    onSuccess: () => notifications.show({ color: 'green', title: 'Approved', message: `Version ${current.currentVersion} was reviewed with the medical director.` }),
                    onError: (error) => setSummary(describeProblem(error).summary),
                  },
                )
              }
            >
              Approve version {current.currentVersion}
            </Button>
          )
        }
      />
      {current?.needsReview && (
        <Alert color="yellow" variant="light" mb="md" p="sm">
          {current.isDefault && current.currentVersion === 1
            ? 'This is a SkinLedger default. Review it with your medical director and adapt it to your clinic and local rules before approving.'
            : 'This version has not been approved yet: review it with your medical director.'}
        </Alert>
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper p="md">
            <Stack gap="sm">
              {isNew && (
                <Select
                  label="Kind"
                  data={CONSENT_KINDS.map((k) => ({ value: k, label: CONSENT_KIND_LABELS[k] }))}
                  value={draft.kind}
                  onChange={(v) => v && set('kind', v as ConsentKind)}
                  error={errors.kind}
                  allowDeselect={false}
                />
              )}
              <TextInput label="Title" value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} maxLength={200} readOnly={readOnly} required />
              <Textarea
                ref={bodyRef}
                label="Text (Markdown)"
                description="# heading, ## section, - list item, **bold**. Blank line between paragraphs."
                value={draft.body}
                onChange={(e) => set('body', e.currentTarget.value)}
                error={errors.body}
                autosize
                minRows={14}
                maxRows={28}
                readOnly={readOnly}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              />
              {!readOnly && (
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    Insert:
                  </Text>
                  {CONSENT_PLACEHOLDERS.map((p) => (
                    <Button key={p} size="compact-xs" variant="light" onClick={() => insertPlaceholder(p)} title={CONSENT_PLACEHOLDER_LABELS[p]}>
                      {`{{${p}}}`}
                    </Button>
                  ))}
                </Group>
              )}
              <AcknowledgementsEditor value={draft.acknowledgements} onChange={(v) => set('acknowledgements', v)} error={errors.acknowledgements} readOnly={readOnly} />
              <NumberInput label="Valid for (days)" description="Counted from the signing date on the clinic calendar, the last day included" min={1} max={3650} value={draft.validDays} onChange={(v) => set('validDays', v)} error={errors.validDays} readOnly={readOnly} w={260} />
              <Switch
                label="A staff member witnesses the signature"
                description="On the signing tablet; when the patient signs at home through her link, at check-in"
                checked={draft.witnessRequired}
                onChange={(e) => set('witnessRequired', e.currentTarget.checked)}
                disabled={readOnly}
              />
              {!isNew && !readOnly && (
                <>
                  <Switch
                    label="Patients who signed an earlier version must sign again"
                    description="Their consents become superseded as soon as this version is published"
                    checked={draft.requiresReconsent}
                    onChange={(e) => set('requiresReconsent', e.currentTarget.checked)}
                  />
                  <TextInput label="What changed" value={draft.changeNote} onChange={(e) => set('changeNote', e.currentTarget.value)} error={errors.changeNote} maxLength={1000} />
                </>
              )}
              <FormAlert summary={summary} />
              {!readOnly && (
                <Group justify="flex-end">
                  <Button onClick={publish} loading={save.isPending}>
                    {isNew ? 'Publish version 1' : `Publish version ${(current?.currentVersion ?? 0) + 1}`}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <TemplatePreview draft={draft} />
            {current && (
              <Paper p="md">
                <Title order={2} size="h4" mb="xs">
                  Version history
                </Title>
                <TemplateVersionHistory versions={current.versions} approvedVersion={current.approvedVersion} timeZone={timeZone} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
