/**
 * Text from people goes into Markdown as text: characters that would become markup are escaped, line breaks fold to
 * spaces. Used by every Markdown export.
 */
export function markdownText(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1').replace(/\n+/g, ' ')
}
