package io.shardline.examples.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A catalogue entry: small, read everywhere (a broadcast table when sharded). */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private String sku;

    private String name;

    private BigDecimal price;

    protected Product() {
    }

    public Product(String sku, String name, BigDecimal price) {
        this.sku = sku;
        this.name = name;
        this.price = price;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String describe() {
        return "product{" + sku + ", " + name + ", " + price + "}";
    }
}
