package com.sessiondesk.client.common;

import java.util.function.Function;

/** One column of an export: its header (as the table shows it) and the text of a row's cell. */
public record ExportColumn<T>(String header, Function<? super T, String> value) {
}
