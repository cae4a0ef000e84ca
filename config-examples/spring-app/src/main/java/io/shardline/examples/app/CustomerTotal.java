package io.shardline.examples.app;

import java.math.BigDecimal;

/** A row of {@link OrderReportMapper#totals()}; MyBatis fills it through the setters. */
public class CustomerTotal {

    private long customerId;
    private long orders;
    private BigDecimal total;

    public long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(long customerId) {
        this.customerId = customerId;
    }

    public long getOrders() {
        return orders;
    }

    public void setOrders(long orders) {
        this.orders = orders;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    @Override
    public String toString() {
        return "total{customer=" + customerId + ", orders=" + orders + ", total=" + total + "}";
    }
}
