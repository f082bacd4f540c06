import type { QueryOptions } from '../../shared/similarity.ts'
import type { CommandContext } from '../meeting/commandTypes.ts'

/**
 * querySimilarityIndex's `semantic` option for the duplicate check: the cached embeddings of the
 * indexed proposals (by submission id) and of the typed text. Empty without a model, so the search
 * stays lexical; a text the model has not embedded yet is matched lexically too.
 */
export function semanticQueryOptions(ctx: CommandContext, ids: readonly string[], text: string): Pick<QueryOptions, 'semantic'> {
  const model = ctx.semantic
  if (!model) return {}
  const query = model.vectorOf(text)
  if (query === undefined) return {}
  const vectors = ids.map((id) => {
    const title = ctx.vault.submissions.get(id)?.title
    return title === undefined ? undefined : model.vectorOf(title)
  })
  return { semantic: { vectors, query, blend: model.blend } }
}
