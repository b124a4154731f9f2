package dev.redline.spark;

import java.util.List;
import scala.jdk.javaapi.CollectionConverters;

/** Values for Spark rows built by hand. Stateless. */
final class Rows {
    private Rows() {
    }

    /** A Spark array value: the row encoder takes a Scala Seq, not a java.util.List. */
    static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
        return CollectionConverters.asScala(values).toSeq();
    }
}
