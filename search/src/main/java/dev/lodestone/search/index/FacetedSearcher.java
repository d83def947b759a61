package dev.lodestone.search.index;

import java.io.IOException;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A point-in-time view of the index together with its facet ordinals. Mapping facet labels across
 * segments costs time proportional to the index, so it is done once when a view opens (at most once a
 * refresh), never per query; so are the counts over the whole view.
 */
public final class FacetedSearcher extends IndexSearcher {
    private final SortedSetDocValuesReaderState facets;
    private volatile Facets countsOfAll;

    private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facets) {
        super(reader);
        this.facets = facets;
    }

    /** The facet ordinals of this view, or null while no article has facet values. */
    public SortedSetDocValuesReaderState facets() {
        return facets;
    }

    /**
     * Facet counts over every article in this view, counted on first use and kept with the view: the
     * page opens on the unfiltered list, and counting a whole index for every visit would be its
     * slowest query. Null while no article has facet values.
     */
    public Facets countsOfAll() throws IOException {
        Facets counts = countsOfAll;
        if (counts == null && facets != null) {
            counts = new SortedSetDocValuesFacetCounts(facets);
            countsOfAll = counts;
        }
        return counts;
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
