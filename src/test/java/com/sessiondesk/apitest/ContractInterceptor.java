package com.sessiondesk.apitest;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * OkHttp's side of {@link ContractValidator}: a network interceptor (it sees the request as sent,
 * bearer included) that checks each exchange against openapi.yaml. An event stream's body is not
 * read (it is open until the end of the test): its status and headers are checked.
 */
public final class ContractInterceptor implements Interceptor {

    private final ContractValidator contract;

    public ContractInterceptor(ContractValidator contract) {
        this.contract = contract;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        MediaType type = response.body() == null ? null : response.body().contentType();
        boolean stream = type != null && "event-stream".equals(type.subtype());
        String body = stream ? null : response.peekBody(Long.MAX_VALUE).string();
        contract.check(new ContractValidator.Sent(request.method(), request.url().uri(),
                        request.headers().toMultimap(), bodyOf(request)),
                new ContractValidator.Received(response.code(), response.headers().toMultimap(), body));
        return response;
    }

    private static String bodyOf(Request request) throws IOException {
        if (request.body() == null) {
            return null;
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }
}
