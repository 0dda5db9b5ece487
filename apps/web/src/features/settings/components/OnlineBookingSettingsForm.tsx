import { Anchor, Button, Code, ColorSwatch, CopyButton, Group, MultiSelect, NumberInput, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Schemas } from '@skinledger/api-client';
import { brandColorProblem, ONLINE_BOOKING_LIMITS } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@web/components/FormAlert';
import { describeProblem, type ProblemFeedback } from '@web/lib/problems/describeProblem';
import { useBookablePractitioners, useSaveOnlineBookingSettings } from '@web/features/settings/hooks/useOnlineBookingSettings';
import { bookingEmbedSnippet } from './bookingEmbed';

type Settings = Schemas['OnlineBookingSettingsDto'];

/**
 * Whether patients may book online, how soon and how far ahead, the policy they accept, and who is kept off the
 * booking page. Which services are open is set on each service (Scheduling → Services).
 */
export function OnlineBookingSettingsForm({ settings }: { settings: Schemas['OnlineBookingSettingsViewDto'] }) {
  const [draft, setDraft] = useState<Settings>({
    enabled: settings.enabled,
    minimumNoticeHours: settings.minimumNoticeHours,
    maximumDaysAhead: settings.maximumDaysAhead,
    cancellationWindowHours: settings.cancellationWindowHours,
    policyText: settings.policyText,
    excludedPractitionerIds: settings.excludedPractitionerIds,
    brandColor: settings.brandColor ?? null,
  });
  const [problem, setProblem] = useState<ProblemFeedback['summary']>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const practitioners = useBookablePractitioners(true);
  const save = useSaveOnlineBookingSettings();
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const whole = (value: number | string) => (typeof value === 'number' ? value : Number.NaN);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setFieldErrors({});
    save.mutate(draft, {
      onSuccess: (saved) =>
        notifications.show({ color: 'green', title: 'Saved', message: saved.enabled ? 'Patients can book online.' : 'Online booking is off.' }),
      onError: (error) => {
        // The API names each field as the form does.
        const feedback = describeProblem(error, (field) => field);
        setProblem(feedback.summary);
        setFieldErrors(feedback.fieldErrors);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Online booking settings">
      <Stack gap="md" maw={720}>
        <Switch
          label="Patients can book online"
          description="Off: the booking page and its API answer as if the clinic had none."
          checked={draft.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label="Minimum notice (hours)"
            description="No start sooner than this"
            min={0}
            max={ONLINE_BOOKING_LIMITS.maxMinimumNoticeHours}
            allowDecimal={false}
            value={draft.minimumNoticeHours}
            onChange={(v) => set('minimumNoticeHours', whole(v))}
            error={fieldErrors.minimumNoticeHours}
          />
          <NumberInput
            label="Book up to (days ahead)"
            description="No start later than this"
            min={ONLINE_BOOKING_LIMITS.minMaximumDaysAhead}
            max={ONLINE_BOOKING_LIMITS.maxMaximumDaysAhead}
            allowDecimal={false}
            value={draft.maximumDaysAhead}
            onChange={(v) => set('maximumDaysAhead', whole(v))}
            error={fieldErrors.maximumDaysAhead}
          />
          <NumberInput
            label="Online cancellation until (hours before)"
            description="Later, the patient calls the clinic"
            min={0}
            max={ONLINE_BOOKING_LIMITS.maxCancellationWindowHours}
            allowDecimal={false}
            value={draft.cancellationWindowHours}
            onChange={(v) => set('cancellationWindowHours', whole(v))}
            error={fieldErrors.cancellationWindowHours}
          />
        </SimpleGrid>
        <Textarea
          label="Booking and cancellation policy"
          description="The patient accepts it when booking."
          autosize
          minRows={3}
          maxLength={ONLINE_BOOKING_LIMITS.maxPolicyTextLength}
          value={draft.policyText}
          onChange={(e) => set('policyText', e.currentTarget.value)}
          error={fieldErrors.policyText}
        />
        <MultiSelect
          label="Practitioners who take no online bookings"
          description="Everyone else takes online bookings for the services their licence allows."
          data={(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={draft.excludedPractitionerIds}
          onChange={(ids) => set('excludedPractitionerIds', ids)}
          searchable
          clearable
          error={fieldErrors.excludedPractitionerIds}
        />
        <TextInput
          label="Colour of the booking pages"
          description="The clinic’s colour, written #RRGGBB. White text goes on it, so it must be dark enough to read (contrast at least 4.5:1). Empty: the pages’ own teal."
          placeholder="#1b6a70"
          maw={320}
          value={draft.brandColor ?? ''}
          onChange={(e) => set('brandColor', e.currentTarget.value.trim() === '' ? null : e.currentTarget.value.trim())}
          leftSection={draft.brandColor && !brandColorProblem(draft.brandColor) ? <ColorSwatch color={draft.brandColor} size={16} aria-hidden /> : null}
          error={fieldErrors.brandColor ?? (draft.brandColor && brandColorProblem(draft.brandColor) ? `This colour ${brandColorProblem(draft.brandColor)}` : undefined)}
        />
        <Stack gap="xs" component="section" aria-labelledby="public-booking-page">
          <Title order={3} size="h5" id="public-booking-page">
            Public booking page
          </Title>
          <Text size="sm">
            Patients book here (it answers only while online booking is on):{' '}
            <Anchor href={settings.publicBookingUrl} target="_blank" rel="noopener noreferrer" underline="always">
              {settings.publicBookingUrl}
            </Anchor>
          </Text>
          <Group gap="xs">
            <CopyButton value={settings.publicBookingUrl}>
              {({ copied, copy }) => (
                <Button variant="light" size="xs" onClick={copy}>
                  {copied ? 'Link copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">
            To show it on the clinic’s own website, paste this into a page there (the manage links in the e-mails open on their own):
          </Text>
          {/* Wrapped, so it reads whole without scrolling; focusable all the same, to be selected from the keyboard. */}
          <Code block aria-label="Embed snippet" tabIndex={0} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {bookingEmbedSnippet(settings.publicBookingUrl)}
          </Code>
          <Group gap="xs">
            <CopyButton value={bookingEmbedSnippet(settings.publicBookingUrl)}>
              {({ copied, copy }) => (
                <Button variant="light" size="xs" onClick={copy}>
                  {copied ? 'Snippet copied' : 'Copy embed snippet'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            Public booking name of the clinic: <Code>{settings.publicBookingSlug}</Code>
          </Text>
        </Stack>
        <FormAlert summary={problem} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save online booking
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
