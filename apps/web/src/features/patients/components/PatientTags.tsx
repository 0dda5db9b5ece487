import { Badge, Group } from '@mantine/core';

/** The patient's tags as quiet chips. */
export function PatientTags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {tags.map((tag) => (
        <Badge key={tag} color="slate" variant="light" tt="none" fw={500}>
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
