package io.shardline.examples.app;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * One run of the shop's use cases against a running application, written down as a transcript of what the
 * application saw. Generated keys are left out (AUTO_INCREMENT and Shardline's Snowflake keys differ by design);
 * everything else must be identical whatever database the application runs on.
 */
final class ShopScenario {

    static final int CUSTOMERS = 6;
    static final int ORDERS_EACH = 5;

    private ShopScenario() {
    }

    static List<String> run(ConfigurableApplicationContext app) {
        ShopService shop = app.getBean(ShopService.class);
        OrderRepository orders = app.getBean(OrderRepository.class);
        ProductRepository products = app.getBean(ProductRepository.class);
        OrderReportMapper reports = app.getBean(OrderReportMapper.class);
        List<String> out = new ArrayList<>();

        // Sharded writes through JPA, inside @Transactional.
        List<Long> firstIds = new ArrayList<>();
        for (long customer = 1; customer <= CUSTOMERS; customer++) {
            List<BigDecimal> amounts = new ArrayList<>();
            for (int n = 0; n < ORDERS_EACH; n++) {
                amounts.add(new BigDecimal(customer * 10 + n + ".25"));
            }
            List<CustomerOrder> placed = shop.placeOrders(customer, amounts);
            out.add("placed " + placed.size() + " for customer " + customer + ", keys assigned: "
                    + placed.stream().allMatch(o -> o.getId() != null));
            firstIds.add(placed.get(0).getId());
        }
        out.add("count " + orders.count());

        // A transaction over customers 1..4 (both databases) that fails after flushing three orders: none stays.
        Map<Long, BigDecimal> bulk = new LinkedHashMap<>();
        bulk.put(1L, new BigDecimal("999.00"));
        bulk.put(2L, new BigDecimal("998.00"));
        bulk.put(3L, new BigDecimal("997.00"));
        bulk.put(4L, new BigDecimal("-1.00"));
        try {
            shop.placeForEach(bulk);
            out.add("bulk committed (wrong)");
        } catch (IllegalArgumentException e) {
            out.add("bulk rolled back: " + e.getMessage());
        }
        out.add("count after rollback " + orders.count());
        for (long customer = 1; customer <= 4; customer++) {
            out.add("customer " + customer + " has " + orders.countByCustomerId(customer));
        }

        // Reads: by customer, by key, the broadcast table.
        for (CustomerOrder o : orders.findByCustomerIdOrderByAmountAsc(3)) {
            out.add("customer 3: " + o.describe());
        }
        for (Long id : firstIds) {
            out.add("by key: " + orders.findById(id).map(CustomerOrder::describe).orElse("missing"));
        }
        products.findAll(Sort.by("sku")).forEach(p -> out.add(p.describe()));

        // JPA pagination (a Page: its content plus the count query), across both databases.
        PageRequest first = PageRequest.of(0, 7, Sort.by(Sort.Order.desc("amount"), Sort.Order.asc("customerId")));
        Page<CustomerOrder> page = orders.findByStatus("NEW", first);
        while (true) {
            out.add("page " + page.getNumber() + "/" + page.getTotalPages() + " of " + page.getTotalElements() + ": "
                    + page.getContent().stream().map(o -> o.getAmount().toPlainString()).toList());
            if (!page.hasNext()) {
                break;
            }
            page = orders.findByStatus("NEW", page.nextPageable());
        }

        // MyBatis: a cross-shard aggregate, a single-shard one and LIMIT/OFFSET pages.
        reports.totals().forEach(t -> out.add(t.toString()));
        out.add("customer 5 alone: " + reports.totalOf(5));
        for (int offset = 0; offset < CUSTOMERS * ORDERS_EACH; offset += 8) {
            out.add("amounts offset " + offset + ": " + reports.amountsPage(8, offset));
        }

        // MyBatis and JPA in one @Transactional method: JPA sees MyBatis' update.
        shop.payAll(2).forEach(line -> out.add("payAll(2): " + line));
        out.add("NEW orders now " + orders.findByStatus("NEW", PageRequest.of(0, 1)).getTotalElements());

        // Dirty checking, then a delete of one customer's orders.
        shop.annotate(firstIds.get(4), "gift wrap");
        out.add("annotated: " + orders.findById(firstIds.get(4)).map(CustomerOrder::describe).orElse("missing"));
        out.add("forgot " + shop.forget(6) + " orders of customer 6");
        out.add("count at end " + orders.count());
        reports.totals().forEach(t -> out.add("at end " + t));
        return out;
    }
}
