import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { consentKeys } from './consentKeys';

/** GET /api/consent-templates: every template with its current version (the defaults appear on first use). */
export function useConsentTemplates() {
  return useQuery({ queryKey: consentKeys.templates, queryFn: () => request(api.GET('/api/consent-templates')) });
}

/** GET /api/consent-templates/:id with every version, newest first. */
export function useConsentTemplate(id: string | undefined) {
  return useQuery({
    queryKey: consentKeys.template(id ?? ''),
    queryFn: () => request(api.GET('/api/consent-templates/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

type PublishInput = { id: string; body: Schemas['PublishConsentTemplateVersionDto'] };

/** POST /api/consent-templates (new) or /:id/versions (a new version of an existing one). */
export function useSaveConsentTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { create: Schemas['CreateConsentTemplateDto'] } | PublishInput) =>
      'create' in input
        ? request(api.POST('/api/consent-templates', { body: input.create }))
        : request(api.POST('/api/consent-templates/{id}/versions', { params: { path: { id: input.id } }, body: input.body })),
    onSuccess: (template) => {
      client.setQueryData(consentKeys.template(template.id), template);
      return client.invalidateQueries({ queryKey: consentKeys.all });
    },
  });
}

/** POST /api/consent-templates/:id/approve: the current version was reviewed with the medical director. */
export function useApproveConsentTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      request(api.POST('/api/consent-templates/{id}/approve', { params: { path: { id } }, body: { version } })),
    onSuccess: (template) => {
      client.setQueryData(consentKeys.template(template.id), template);
      return client.invalidateQueries({ queryKey: consentKeys.templates });
    },
  });
}
