package dev.lodestone.search.index;

import dev.lodestone.core.DataFolderInUseException;
import dev.lodestone.core.TaggedArticle;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOFunction;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article index on disk: one Lucene document per article id, searchable near-real-time, with the
 * Kafka offsets it has consumed stored in the same commit as the documents.
 *
 * <p>Documents and offsets travel together: {@link #commit} writes both atomically, and {@link #close}
 * discards whatever was not committed, exactly as a crash would. A reopened index therefore always
 * resumes from offsets that match its documents; records consumed again after a crash are
 * {@linkplain #upsert upserts} by id, so nothing is counted twice and nothing is lost.
 *
 * <p>Thread-safe: one thread writes, any number search through {@link #withSearcher}.
 *
 * <p>Measured for {@code /metrics}: the articles searchable ({@value #DOCUMENTS}) and the bytes on disk as of
 * the last commit ({@value #SIZE}), both tagged with the {@code index} path, and the time each
 * {@linkplain #refresh refresh} ({@value #REFRESH_TIME}) and {@linkplain #commit commit} ({@value #COMMIT_TIME})
 * takes.
 */
public final class ArticleIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);
    /** Commit user data key prefix; {@code /} cannot occur in a topic name, so keys split unambiguously. */
    private static final String OFFSET_KEY = "offset/";
    private static final double RAM_BUFFER_MB = 64;
    public static final String DOCUMENTS = "lodestone.search.index.documents";
    public static final String SIZE = "lodestone.search.index.size";
    public static final String REFRESH_TIME = "lodestone.search.index.refresh";
    public static final String COMMIT_TIME = "lodestone.search.index.commit";

    private final Path path;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile Map<TopicPartition, Long> committedOffsets;
    private volatile long bytesOnDisk;
    private final Timer refreshTime = Timer.builder(REFRESH_TIME)
            .description("Time to make the changes so far searchable").register(Metrics.globalRegistry);
    private final Timer commitTime = Timer.builder(COMMIT_TIME)
            .description("Time to make the changes so far durable").register(Metrics.globalRegistry);
    private final List<Meter> gauges;

    private ArticleIndex(Path path, FSDirectory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, FacetedSearcher.factory());
        this.committedOffsets = offsetsIn(writer.getLiveCommitData());
        this.bytesOnDisk = sizeOnDisk();
        String index = path.toAbsolutePath().toString();
        this.gauges = List.of(
                Gauge.builder(DOCUMENTS, this, ArticleIndex::searchable).description("Articles searchable")
                        .tag("index", index).strongReference(true).register(Metrics.globalRegistry),
                Gauge.builder(SIZE, this, self -> self.bytesOnDisk).description("Size of the index on disk at the last commit")
                        .baseUnit(BaseUnits.BYTES).tag("index", index).strongReference(true).register(Metrics.globalRegistry));
    }

    /**
     * Opens the index at {@code path}, creating it when absent.
     *
     * @throws DataFolderInUseException when another index writer, in this process or another, holds it
     */
    public static ArticleIndex open(Path path) throws IOException {
        FSDirectory directory = FSDirectory.open(path);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(ArticleSchema.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // Fewer, larger flushed segments: a replay or reindex writes articles by the million.
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setCommitOnClose(false));
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new DataFolderInUseException(path);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        ArticleIndex index = new ArticleIndex(path, directory, writer);
        LOG.info("Opened search index {}: {} articles, resuming from offsets {}",
                path, index.count(), index.committedOffsets());
        return index;
    }

    /** Adds the article, or replaces the document already indexed under its id. */
    public void upsert(TaggedArticle article) throws IOException {
        writer.updateDocument(new Term(ArticleSchema.ID, article.id()), ArticleSchema.toDocument(article));
    }

    /**
     * Makes every change so far durable together with the offset of the next record to read from each
     * partition. Partitions left out keep the offsets they had.
     */
    public synchronized void commit(Map<TopicPartition, Long> nextOffsets) throws IOException {
        Map<TopicPartition, Long> offsets = new HashMap<>(committedOffsets);
        offsets.putAll(nextOffsets);
        Map<String, String> userData = new HashMap<>();
        offsets.forEach((partition, offset) -> userData.put(
                OFFSET_KEY + partition.topic() + "/" + partition.partition(), Long.toString(offset)));
        writer.setLiveCommitData(userData.entrySet());
        long start = System.nanoTime();
        writer.commit();
        commitTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        committedOffsets = Map.copyOf(offsets);
        bytesOnDisk = sizeOnDisk();
    }

    /** The next offset to read from each partition, as of the last commit. */
    public Map<TopicPartition, Long> committedOffsets() {
        return committedOffsets;
    }

    /** Makes the changes so far visible to searches; cheap when nothing changed. */
    public void refresh() throws IOException {
        long start = System.nanoTime();
        searchers.maybeRefresh();
        refreshTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /**
     * Replaces every document with those of another, fully committed index, together with the offsets it was
     * built up to, in one commit: searches see the old documents until the refresh that follows, then the new
     * ones, never a mix or an empty index. Used to hand over an index rebuilt from the topics.
     */
    public synchronized void replaceWith(Path rebuilt) throws IOException {
        Map<TopicPartition, Long> rebuiltOffsets;
        try (FSDirectory source = FSDirectory.open(rebuilt)) {
            try (DirectoryReader reader = DirectoryReader.open(source)) {
                rebuiltOffsets = offsetsIn(reader.getIndexCommit().getUserData().entrySet());
            }
            writer.deleteAll();
            writer.addIndexes(source);
        }
        committedOffsets = Map.of();
        commit(rebuiltOffsets);
        refresh();
        LOG.info("Search index {} replaced by the rebuilt {}: {} articles, resuming from offsets {}", path, rebuilt,
                count(), rebuiltOffsets);
    }

    /** Articles visible to searches now. */
    public int count() throws IOException {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Runs {@code search} on the current point-in-time view; the view stays open until it returns. */
    public <T> T withSearcher(IOFunction<FacetedSearcher, T> search) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return search.apply((FacetedSearcher) searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Closes the index, discarding changes not yet {@linkplain #commit committed}. */
    @Override
    public void close() throws IOException {
        gauges.forEach(Metrics.globalRegistry::remove);
        IOUtils.close(searchers, writer, directory);
        LOG.info("Closed search index {}", path);
    }

    private double searchable() {
        try {
            return count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of the files in the index folder; a file a merge deletes meanwhile no longer counts. */
    private long sizeOnDisk() throws IOException {
        long bytes = 0;
        for (String file : directory.listAll()) {
            try {
                bytes += directory.fileLength(file);
            } catch (NoSuchFileException deleted) {
                // Merged away since the listing.
            }
        }
        return bytes;
    }

    private static Map<TopicPartition, Long> offsetsIn(Iterable<Map.Entry<String, String>> userData) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (userData != null) {
            for (Map.Entry<String, String> entry : userData) {
                String key = entry.getKey();
                if (key.startsWith(OFFSET_KEY)) {
                    int slash = key.lastIndexOf('/');
                    offsets.put(new TopicPartition(key.substring(OFFSET_KEY.length(), slash),
                            Integer.parseInt(key.substring(slash + 1))), Long.parseLong(entry.getValue()));
                }
            }
        }
        return Map.copyOf(offsets);
    }
}
