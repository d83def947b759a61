package dev.lodestone.search.index;

import java.io.IOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A point-in-time view of the index together with its facet ordinals. Mapping facet labels across
 * segments costs time proportional to the index, so it is done once when a view opens (at most once a
 * refresh), never per query.
 */
public final class FacetedSearcher extends IndexSearcher {
    private final SortedSetDocValuesReaderState facets;

    private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facets) {
        super(reader);
        this.facets = facets;
    }

    /** The facet ordinals of this view, or null while no article has facet values. */
    public SortedSetDocValuesReaderState facets() {
        return facets;
    }

    static SearcherFactory factory() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new FacetedSearcher(reader, facetStateOf(reader));
            }
        };
    }

    private static SortedSetDocValuesReaderState facetStateOf(IndexReader reader) throws IOException {
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, ArticleSchema.FACETS);
        } catch (IllegalArgumentException noFacetsYet) {
            return null;
        }
    }
}
