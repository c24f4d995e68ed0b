package io.storefront.analytics.domain;

import java.util.List;

/** Validated order lines read from an upload in batches; rejected rows are counted in the tally. */
public interface OrderLineSource extends AutoCloseable {

    /** Up to {@code max} valid lines; empty when the input is exhausted. Blocking: call on a worker thread. */
    List<OrderLine> nextBatch(int max);

    ImportTally tally();

    @Override
    void close();
}
